package io.tasklog.api.task;

import java.time.Instant;

/**
 * The identity of each reminder a task gives ({@code reminderKey} on {@link TaskReminderDueEvent} and
 * {@link TaskBecameOverdueEvent}): the task remembers the keys it fired so that none fires twice, and the
 * notifications read model keeps one notification per key. Changing a format here changes what "the same
 * reminder" means for stored events too: it needs an event revision and an upcaster.
 */
public final class ReminderKeys {

    private ReminderKeys() {
    }

    /** The "upcoming" reminder for a due date given with a lead time (revision 2 of TaskReminderDueEvent on). */
    public static String upcoming(String taskId, Instant dueAt, int remindBeforeMinutes) {
        return taskId + ":upcoming:" + dueAt + ":" + remindBeforeMinutes;
    }

    /** The reminder of a due date that has passed. */
    public static String overdue(String taskId, Instant dueAt) {
        return taskId + ":overdue:" + dueAt;
    }

    /** A snoozed reminder coming back at {@code until}. */
    public static String snoozed(String taskId, Instant until) {
        return taskId + ":snoozed:" + until;
    }
}
