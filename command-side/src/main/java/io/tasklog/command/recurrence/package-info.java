/**
 * The recurrence rule engine: parses and validates the supported RFC 5545 RRULE subset
 * ({@link io.tasklog.command.recurrence.RecurrenceRule}), builds rules from the dashboard's JSON form
 * ({@link io.tasklog.command.recurrence.RecurrenceForm}) and computes occurrences in a task's time zone, with
 * the calendar arithmetic delegated to {@code org.dmfs:lib-recur}.
 */
package io.tasklog.command.recurrence;
