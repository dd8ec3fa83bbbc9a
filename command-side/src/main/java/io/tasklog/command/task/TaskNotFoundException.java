package io.tasklog.command.task;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * The task does not exist for the caller: never created, deleted, or owned by someone else. The three
 * cases are deliberately indistinguishable so that ids of other users' tasks reveal nothing (404).
 */
public class TaskNotFoundException extends ErrorResponseException {

    private final String taskId;

    public TaskNotFoundException(String taskId) {
        super(HttpStatus.NOT_FOUND);
        setTitle("Task not found");
        setDetail("No such task");
        this.taskId = taskId;
    }

    @Override
    public String getMessage() {
        return "Task " + taskId + " not found";
    }
}
