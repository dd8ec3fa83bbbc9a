package io.tasklog.api.task;

/** Whether a task still needs doing; the JSON form is the lower-case name. */
public enum TaskStatus {
    OPEN, COMPLETED
}
