package io.tasklog.command.task;

import io.tasklog.api.task.TaskStatus;
import io.tasklog.api.task.TaskView;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.axonframework.deadline.DeadlineManager;

/**
 * The due-date reminders of a task, as persistent deadlines: "upcoming" at due − lead time (or at once
 * when that moment has passed but the due date has not), "overdue" at the due date. Deadlines carry the
 * due date they were scheduled for, so one that fires for a state that no longer holds does nothing.
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

    /** Payload of the upcoming and overdue deadlines: the due date they remind of. */
    record ReminderDeadline(Instant dueAt) {
    }

    /** Payload of a snoozed reminder coming back. */
    record SnoozedReminder(Instant dueAt, Instant until, String notificationId) {
    }

    static String upcomingKey(String taskId, Instant dueAt) {
        return taskId + ":upcoming:" + dueAt;
    }

    static String overdueKey(String taskId, Instant dueAt) {
        return taskId + ":overdue:" + dueAt;
    }

    static String snoozeKey(String taskId, Instant until) {
        return taskId + ":snoozed:" + until;
    }

    /** Schedules the reminders the task's current state calls for (earlier ones become inert). */
    static void schedule(DeadlineManager deadlines, TaskView task, Set<String> fired, Instant now) {
        if (task.status() != TaskStatus.OPEN || task.dueAt() == null || !task.dueAt().isAfter(now)) {
            return;
        }
        deadlines.schedule(task.dueAt(), OVERDUE, new ReminderDeadline(task.dueAt()));
        if (task.remindBeforeMinutes() > 0 && !fired.contains(upcomingKey(task.id(), task.dueAt()))) {
            Instant remindAt = task.dueAt().minus(Duration.ofMinutes(task.remindBeforeMinutes()));
            deadlines.schedule(remindAt.isAfter(now) ? remindAt : now, UPCOMING, new ReminderDeadline(task.dueAt()));
        }
    }
}
