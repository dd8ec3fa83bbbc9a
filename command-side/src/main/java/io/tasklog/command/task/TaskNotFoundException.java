package io.tasklog.command.task;

/**
 * The task does not exist for the caller: never created, deleted, or owned by someone else. The three
 * cases are deliberately indistinguishable so that ids of other users' tasks reveal nothing.
 */
public class TaskNotFoundException extends RuntimeException {

    public TaskNotFoundException(String taskId) {
        super("Task " + taskId + " not found");
    }
}
