package io.tasklog.command.streaming;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tasklog.kafka.*}: partitions of {@code task-events} (a task's events share a partition, keyed
 * by task id), the replication factor of Tasklog's topics (1 for a single local broker, 3 in a cluster),
 * how many events the publisher sends per batch, and whether task events are published under their
 * external names (false only while rolling out from a release that did not read them).
 */
@ConfigurationProperties("tasklog.kafka")
public record TopicProperties(
        @DefaultValue("3") int taskEventsPartitions,
        @DefaultValue("1") short replicationFactor,
        @DefaultValue("100") int publisherBatchSize,
        @DefaultValue("true") boolean externalTypeNames) {
}
