package io.tasklog.api.task;

import java.time.Instant;

/** The owner snoozed a reminder of the task: it comes back at {@code until}. */
public record TaskReminderSnoozedEvent(String taskId, String ownerId, String notificationId, Instant until)
        implements TaskEvent {
}
