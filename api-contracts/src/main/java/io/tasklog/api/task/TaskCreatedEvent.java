package io.tasklog.api.task;

/** A task came into being, with all its content. */
public record TaskCreatedEvent(String taskId, String ownerId, TaskDetails details, SeriesLink series)
        implements TaskEvent {
}
