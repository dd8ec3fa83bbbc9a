package io.tasklog.command.task;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A command asked for something the task's rules forbid; {@code field} names the offending input (400). */
public class TaskRuleViolationException extends ErrorResponseException {

    private final String field;

    public TaskRuleViolationException(String field, String message) {
        super(HttpStatus.BAD_REQUEST);
        setTitle("Invalid task");
        setDetail(message);
        getBody().setProperty("field", field);
        this.field = field;
    }

    public String field() {
        return field;
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
