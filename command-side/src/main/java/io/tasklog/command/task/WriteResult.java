package io.tasklog.command.task;

/** What a successful write returns: the task's id and its version after the write (also the ETag). */
public record WriteResult(String id, long version) {
}
