package io.tasklog.api.task;

import java.time.Instant;

/**
 * The "upcoming" reminder of a task fired (a deadline, or a snoozed reminder coming back). {@code reminderKey}
 * identifies this reminder uniquely (task, kind, due date or snooze time), so consumers keep exactly one
 * notification per key whatever the redelivery.
 */
public record TaskReminderDueEvent(String taskId, String ownerId, String title, Instant dueAt, String timeZone,
                                   int remindBeforeMinutes, String reminderKey) implements TaskEvent {
}
