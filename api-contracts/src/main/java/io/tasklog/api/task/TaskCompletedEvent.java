package io.tasklog.api.task;

import java.time.Instant;

/** The owner marked the task done. */
public record TaskCompletedEvent(String taskId, String ownerId, Instant completedAt) implements TaskEvent {
}
