package io.tasklog.api.query;

/** What the task list can be ordered by. Ties are always broken by task id. */
public enum TaskSort {
    DUE, PRIORITY, CREATED, UPDATED, TITLE
}
