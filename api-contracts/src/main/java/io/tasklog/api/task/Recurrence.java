package io.tasklog.api.task;

/**
 * A task's repetition: an RFC 5545 RRULE (subset: FREQ, INTERVAL, BYDAY, BYMONTHDAY, COUNT, UNTIL)
 * evaluated in the task's time zone, and the anchor it is evaluated from.
 */
public record Recurrence(String rrule, RecurrenceAnchor anchor) {
}
