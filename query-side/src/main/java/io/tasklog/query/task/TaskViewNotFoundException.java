package io.tasklog.query.task;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** The caller has no (live) task with that id in the read model (404). */
class TaskViewNotFoundException extends ErrorResponseException {

    TaskViewNotFoundException() {
        super(HttpStatus.NOT_FOUND);
        setTitle("Task not found");
        setDetail("No such task");
    }
}
