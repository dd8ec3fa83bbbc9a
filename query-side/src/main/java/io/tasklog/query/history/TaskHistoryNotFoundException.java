package io.tasklog.query.history;

/** No task with that id exists for the caller (or it did not exist at the requested instant). */
public class TaskHistoryNotFoundException extends RuntimeException {

    public TaskHistoryNotFoundException(String detail) {
        super(detail);
    }
}
