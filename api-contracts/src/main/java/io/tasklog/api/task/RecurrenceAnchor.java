package io.tasklog.api.task;

/** What the next occurrence of a recurring task is computed from. */
public enum RecurrenceAnchor {
    /** The schedule: occurrences follow the rule from the due date, however late the user completes. */
    DUE,
    /** "Repeat N days after I finish it": the rule restarts from the completion time. */
    COMPLETION
}
