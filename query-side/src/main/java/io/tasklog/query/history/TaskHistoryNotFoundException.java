package io.tasklog.query.history;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** No task with that id exists for the caller (or it did not exist at the requested instant) (404). */
public class TaskHistoryNotFoundException extends ErrorResponseException {

    public TaskHistoryNotFoundException(String detail) {
        super(HttpStatus.NOT_FOUND);
        setTitle("Task not found");
        setDetail(detail);
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
