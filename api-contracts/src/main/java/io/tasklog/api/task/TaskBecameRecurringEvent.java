package io.tasklog.api.task;

/**
 * The task now repeats: applied when a task is created with a recurrence and when an edit gives a
 * task a recurrence it did not have. It starts (or, for a later occurrence, continues) the task's
 * series; {@code details} is the content the next occurrence inherits, {@code series} where this
 * task stands in its series (a task that starts a series is occurrence 1 of the series named after it).
 */
public record TaskBecameRecurringEvent(String taskId, String ownerId, TaskDetails details, SeriesLink series)
        implements TaskEvent {
}
