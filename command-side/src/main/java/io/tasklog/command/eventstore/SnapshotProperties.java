package io.tasklog.command.eventstore;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code tasklog.snapshots.threshold}: events after which a task is snapshotted (default 100). */
@ConfigurationProperties("tasklog.snapshots")
public record SnapshotProperties(@DefaultValue("100") int threshold) {
}
