package io.tasklog.api.task;

/** A completed task is open again. */
public record TaskReopenedEvent(String taskId, String ownerId) implements TaskEvent {
}
