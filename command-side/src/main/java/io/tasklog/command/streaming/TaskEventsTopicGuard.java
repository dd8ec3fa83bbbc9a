package io.tasklog.command.streaming;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * Creates topic {@code task-events} or checks that it has the configured number of partitions, and refuses to
 * start when it has not.
 *
 * <p>A task's events are keyed by its id, so they share one partition and stay in order. Adding partitions
 * to an existing topic moves a task's later events to another partition, out of order with its earlier
 * ones, and Spring's {@link KafkaAdmin} does exactly that, silently, for a {@link NewTopic} bean with more
 * partitions than the topic. So the admin is told to leave this topic alone, and this guard owns it: it runs
 * while the context is built (before any processor starts): missing → created as declared; present with the
 * declared partition count → fine; any other count → the context fails with a message saying what to do.
 *
 * <p>An unreachable broker is not a reason to refuse to start (commands must work while Kafka is down; the
 * event store is the publisher's outbox): the guard logs a warning and the check is made at the next start.
 * Nothing alters the topic in the meantime, because nothing else in Tasklog creates or changes it (the broker
 * itself may auto-create it on the first send unless {@code auto.create.topics.enable=false}, with the
 * broker's default partition count, which the next start then reports).
 */
@Component
public class TaskEventsTopicGuard implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(TaskEventsTopicGuard.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final KafkaAdmin admin;
    private final NewTopic topic;
    /** How long a start-up with Kafka down waits for it, per call. */
    private final Duration timeout;

    @Autowired
    public TaskEventsTopicGuard(KafkaAdmin admin, @Qualifier("taskEventsTopic") NewTopic topic) {
        this(admin, topic, TIMEOUT);
    }

    TaskEventsTopicGuard(KafkaAdmin admin, NewTopic topic, Duration timeout) {
        this.admin = admin;
        this.topic = topic;
        this.timeout = timeout;
    }

    @Override
    public void afterPropertiesSet() {
        admin.setCreateOrModifyTopic(declared -> !declared.name().equals(topic.name()));
        Admin client = Admin.create(admin.getConfigurationProperties());
        try {
            Optional<TopicDescription> existing = describe(client);
            if (existing.isEmpty() && create(client)) {
                log.info("Created topic {} with {} partitions", topic.name(), topic.numPartitions());
                return;
            }
            int partitions = existing.or(() -> describe(client)).orElseThrow().partitions().size();
            if (partitions != topic.numPartitions()) {
                throw new IllegalStateException(mismatch(partitions));
            }
        } catch (TimeoutException | BrokerUnavailable e) {
            log.warn("Could not check topic {} (Kafka unreachable: {}); starting anyway, its partition count is "
                    + "checked at the next start", topic.name(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            client.close(Duration.ZERO); // a plain close() would wait for calls a down broker never answers
        }
    }

    private String mismatch(int partitions) {
        return "Topic " + topic.name() + " has " + partitions + " partitions, but "
                + "tasklog.kafka.task-events-partitions is " + topic.numPartitions() + ". Tasklog does not change the partitions of an existing topic: a task's "
                + "events are keyed to one partition, and a different count would route its later events to another "
                + "partition, out of order with the earlier ones. Set tasklog.kafka.task-events-partitions="
                + partitions + " (or migrate the topic to a new one and replay the projections from it).";
    }

    private Optional<TopicDescription> describe(Admin client) {
        try {
            DescribeTopicsOptions options = new DescribeTopicsOptions().timeoutMs((int) timeout.toMillis());
            return Optional.of(client.describeTopics(List.of(topic.name()), options).topicNameValues()
                    .get(topic.name()).get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return Optional.empty();
            }
            throw new BrokerUnavailable(e.getCause());
        } catch (TimeoutException e) {
            throw new BrokerUnavailable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code false} if another instance created it in the meantime. */
    private boolean create(Admin client) throws InterruptedException, TimeoutException {
        try {
            CreateTopicsOptions options = new CreateTopicsOptions().timeoutMs((int) timeout.toMillis());
            client.createTopics(List.of(topic), options).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                return false;
            }
            throw new BrokerUnavailable(e.getCause());
        }
    }

    /** Kafka could not answer (down, unreachable, or refusing the request). */
    private static final class BrokerUnavailable extends RuntimeException {
        BrokerUnavailable(Throwable cause) {
            super(String.valueOf(cause), cause);
        }
    }
}
