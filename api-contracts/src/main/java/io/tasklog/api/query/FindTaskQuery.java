package io.tasklog.api.query;

/** One of the caller's tasks, as the read model has it. */
public record FindTaskQuery(String userId, String taskId) {
}
