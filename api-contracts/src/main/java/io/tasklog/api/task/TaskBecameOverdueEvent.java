package io.tasklog.api.task;

import java.time.Instant;

/** An open task reached its due date. One per (task, due date): {@code reminderKey}. */
public record TaskBecameOverdueEvent(String taskId, String ownerId, String title, Instant dueAt, String timeZone,
                                     String reminderKey) implements TaskEvent {
}
