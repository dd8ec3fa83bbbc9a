package io.tasklog.api.task;

/** How urgent a task is; the JSON form is the lower-case name. */
public enum TaskPriority {
    NONE, LOW, MEDIUM, HIGH, URGENT
}
