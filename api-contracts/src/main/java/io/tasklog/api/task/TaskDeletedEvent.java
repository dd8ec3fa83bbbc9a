package io.tasklog.api.task;

/** The task is gone for its owner; its history stays in the event store. */
public record TaskDeletedEvent(String taskId, String ownerId) implements TaskEvent {
}
