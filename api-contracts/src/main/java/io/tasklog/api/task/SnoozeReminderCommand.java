package io.tasklog.api.task;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Remind the owner about the task again in {@code minutes}, for the given notification. */
public record SnoozeReminderCommand(@TargetAggregateIdentifier String taskId, String notificationId, int minutes) {
}
