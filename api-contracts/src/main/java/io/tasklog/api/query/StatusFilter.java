package io.tasklog.api.query;

/** Which tasks the list shows by status. */
public enum StatusFilter {
    OPEN, COMPLETED, ALL
}
