package io.tasklog.command.task;

import io.tasklog.api.task.TaskStatus;
import io.tasklog.api.task.TaskView;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import io.tasklog.api.task.ReminderKeys;
import org.axonframework.deadline.DeadlineManager;

/**
 * The due-date reminders of a task, as persistent deadlines: "upcoming" at due − lead time (or at once
 * when that moment has passed but the due date has not), "overdue" at the due date. Every deadline carries
 * what it was scheduled for (the due date, and for "upcoming" the lead time), and does nothing unless that
 * still holds when it fires: so a moved due date, a changed or removed lead time (0 = no reminder), a
 * completion or a deletion silently retire the deadlines scheduled before.
 *
 * <p>That check is also how a reminder is cancelled: a moved due date, a completion or a deletion makes
 * the earlier deadlines inert, and they are dropped when they come due. Axon's db-scheduler deadline
 * manager can only cancel "all deadlines of this task" by reading and deserialising every scheduled
 * deadline of the system, which made each write with a due date O(number of scheduled reminders) — 25
 * writes/s at a few thousand tasks instead of 120 (measured with QueryAtScaleBench).
 */
final class TaskReminders {

    static final String UPCOMING = "task-upcoming";
    static final String OVERDUE = "task-overdue";
    static final String SNOOZED = "task-snoozed";

    private TaskReminders() {
    }

    /**
     * Payload of the upcoming and overdue deadlines: the due date they remind of and, for "upcoming", the
     * lead time it was scheduled with. The overdue deadline has no lead ({@code null}), nor have upcoming
     * deadlines stored before the lead was recorded: those are checked against the due date only.
     */
    record ReminderDeadline(Instant dueAt, Integer remindBeforeMinutes) {

        ReminderDeadline(Instant dueAt) {
            this(dueAt, null);
        }

        /** The task is still due at this deadline's due date with this deadline's lead time. */
        boolean stillHoldsFor(TaskView task) {
            return Objects.equals(task.dueAt(), dueAt)
                    && (remindBeforeMinutes == null || remindBeforeMinutes.equals(task.remindBeforeMinutes()));
        }
    }

    /** Payload of a snoozed reminder coming back: it only comes back while the task is due when it was snoozed. */
    record SnoozedReminder(Instant dueAt, Instant until, String notificationId) {
    }

    /**
     * An upcoming reminder is one per due date <em>and</em> lead time: moving the lead from 60 to 10 minutes
     * after the 60-minute reminder came gives a second one at 10 minutes, as the owner asked.
     */
    static String upcomingKey(String taskId, Instant dueAt, int remindBeforeMinutes) {
        return ReminderKeys.upcoming(taskId, dueAt, remindBeforeMinutes);
    }

    static String overdueKey(String taskId, Instant dueAt) {
        return ReminderKeys.overdue(taskId, dueAt);
    }

    static String snoozeKey(String taskId, Instant until) {
        return ReminderKeys.snoozed(taskId, until);
    }

    /** Schedules the reminders the task's current state calls for (earlier ones become inert). */
    static void schedule(DeadlineManager deadlines, TaskView task, Set<String> fired, Instant now) {
        if (task.status() != TaskStatus.OPEN || task.dueAt() == null || !task.dueAt().isAfter(now)) {
            return;
        }
        deadlines.schedule(task.dueAt(), OVERDUE, new ReminderDeadline(task.dueAt()));
        int lead = task.remindBeforeMinutes();
        if (lead > 0 && !fired.contains(upcomingKey(task.id(), task.dueAt(), lead))) {
            Instant remindAt = task.dueAt().minus(Duration.ofMinutes(lead));
            deadlines.schedule(remindAt.isAfter(now) ? remindAt : now, UPCOMING, new ReminderDeadline(task.dueAt(), lead));
        }
    }
}
