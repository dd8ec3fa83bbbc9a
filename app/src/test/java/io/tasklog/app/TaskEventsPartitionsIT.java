package io.tasklog.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tasklog.app.support.AppInstance;
import io.tasklog.app.support.TestInfrastructure;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application refuses to start on a task-events topic whose partition count differs from the configured
 * one, and never changes the topic: more partitions would route a task's later events to another partition,
 * out of order with its earlier ones.
 */
class TaskEventsPartitionsIT {

    @Test
    void aTopicWithMorePartitionsThanConfiguredStopsTheStart() {
        TestInfrastructure.kafka().createTopic("task-events-more-partitions", 5);

        assertThatThrownBy(() -> AppInstance.start("partitions_test", "more-partitions"))
                .rootCause().isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Topic task-events-more-partitions has 5 partitions, "
                        + "but tasklog.kafka.task-events-partitions is 3.")
                .hasMessageContaining("Set tasklog.kafka.task-events-partitions=5");
    }

    @Test
    void aTopicWithFewerPartitionsStopsTheStartAndIsLeftAsItIs() throws Exception {
        TestInfrastructure.kafka().createTopic("task-events-fewer-partitions", 2);

        assertThatThrownBy(() -> AppInstance.start("partitions_test", "fewer-partitions"))
                .rootCause().hasMessageStartingWith("Topic task-events-fewer-partitions has 2 partitions, "
                        + "but tasklog.kafka.task-events-partitions is 3.");
        assertThat(partitionsOf("task-events-fewer-partitions")).isEqualTo(2);
    }

    @Test
    void theConfiguredCountOfAnExistingTopicStarts() throws Exception {
        TestInfrastructure.kafka().createTopic("task-events-configured-partitions", 2);

        try (ConfigurableApplicationContext instance = AppInstance.start("partitions_test", "configured-partitions",
                "--tasklog.kafka.task-events-partitions=2")) {
            assertThat(instance.isActive()).isTrue();
        }
        assertThat(partitionsOf("task-events-configured-partitions")).isEqualTo(2);
    }

    private static int partitionsOf(String topic) throws Exception {
        try (Admin admin = TestInfrastructure.kafka().createAdmin()) {
            return admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(topic).partitions().size();
        }
    }
}
