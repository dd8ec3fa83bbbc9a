package io.tasklog.command.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/** The guard's behaviour without a broker; against a real one see TaskEventsPartitionsIT in the app. */
class TaskEventsTopicGuardTest {

    static final NewTopic TASK_EVENTS = TopicBuilder.name("task-events").partitions(3).build();

    /** Spring's admin, with the filter that decides which declared topics it creates or grows. */
    static final class Admin extends KafkaAdmin {
        Admin() {
            super(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:1")); // nothing listens there
        }

        Predicate<NewTopic> managed() {
            return getCreateOrModifyTopic();
        }
    }

    @Test
    @Timeout(10)
    void anUnreachableBrokerDoesNotStopTheStart() {
        TaskEventsTopicGuard guard = new TaskEventsTopicGuard(new Admin(), TASK_EVENTS, Duration.ofSeconds(1));

        assertThatCode(guard::afterPropertiesSet).doesNotThrowAnyException();
    }

    @Test
    @Timeout(10)
    void springsAdminNeverCreatesOrGrowsTheTopicItself() {
        Admin admin = new Admin();
        new TaskEventsTopicGuard(admin, TASK_EVENTS, Duration.ofSeconds(1)).afterPropertiesSet();

        assertThat(admin.managed().test(TopicBuilder.name("task-events").partitions(6).build())).isFalse();
        assertThat(admin.managed().test(TopicBuilder.name("task-updates").partitions(3).build())).isTrue();
    }
}
