package io.tasklog.api.task;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * How a task's view evolves with each of its events. One pure function serves the aggregate's state,
 * the live projection
 * and time travel (folding the stored events up to an instant), so all three always agree.
 */
public final class TaskViewFold {

    private TaskViewFold() {
    }

    /**
     * The view after {@code event}, stored at {@code sequence} and {@code at}; {@code null} once the
     * task is deleted. Events that do not change the view (reminders, say) return it as it was,
     * with the new version.
     */
    public static TaskView apply(TaskView view, Object event, long sequence, Instant eventTimestamp) {
        // the event store keeps timestamps to the millisecond: the aggregate's answer (folded from the event just
        // applied, nanoseconds and all) must equal every later fold of the stored event
        Instant at = eventTimestamp.truncatedTo(ChronoUnit.MILLIS);
        if (event instanceof TaskCreatedEvent created) {
            return create(created, sequence, at);
        }
        if (view == null) {
            return null;
        }
        if (event instanceof TaskUpdatedEvent updated) {
            return withDetails(view, details(view).withChanges(updated.changedFields(), updated.values()), sequence, at);
        }
        if (event instanceof TaskCompletedEvent completed) {
            return withStatus(view, TaskStatus.COMPLETED, completed.completedAt(), sequence, at);
        }
        if (event instanceof TaskReopenedEvent) {
            return withStatus(view, TaskStatus.OPEN, null, sequence, at);
        }
        if (event instanceof TaskDeletedEvent) {
            return null;
        }
        return withDetails(view, details(view), sequence, view.updatedAt());
    }

    public static TaskDetails details(TaskView view) {
        return new TaskDetails(view.title(), view.description(), view.priority(), view.tags(), view.dueAt(),
                view.timeZone(), view.remindBeforeMinutes(), view.recurrence());
    }

    private static TaskView create(TaskCreatedEvent e, long sequence, Instant at) {
        TaskDetails d = e.details();
        return new TaskView(e.taskId(), e.ownerId(), d.title(), d.description(), d.priority(), d.tags(), d.dueAt(),
                d.timeZone(), d.remindBeforeMinutes(), d.recurrence(), TaskStatus.OPEN, null, at, at, sequence,
                e.series() == null ? null : e.series().seriesId(),
                e.series() == null ? null : e.series().previousOccurrenceId());
    }

    private static TaskView withDetails(TaskView v, TaskDetails d, long sequence, Instant at) {
        return new TaskView(v.id(), v.ownerId(), d.title(), d.description(), d.priority(), d.tags(), d.dueAt(),
                d.timeZone(), d.remindBeforeMinutes(), d.recurrence(), v.status(), v.completedAt(), v.createdAt(), at,
                sequence, v.seriesId(), v.previousOccurrenceId());
    }

    private static TaskView withStatus(TaskView v, TaskStatus status, Instant completedAt, long sequence, Instant at) {
        return new TaskView(v.id(), v.ownerId(), v.title(), v.description(), v.priority(), v.tags(), v.dueAt(),
                v.timeZone(), v.remindBeforeMinutes(), v.recurrence(), status, completedAt, v.createdAt(), at,
                sequence, v.seriesId(), v.previousOccurrenceId());
    }
}
