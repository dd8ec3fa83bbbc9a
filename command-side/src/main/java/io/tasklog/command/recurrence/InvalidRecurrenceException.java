package io.tasklog.command.recurrence;

/**
 * A recurrence rule (RRULE string or {@link RecurrenceForm}) that Tasklog cannot accept. The message says
 * precisely what is wrong and is meant to be shown to the user as-is (it becomes the {@code detail} of a 400
 * problem).
 */
public class InvalidRecurrenceException extends IllegalArgumentException {

    public InvalidRecurrenceException(String message) {
        super(message);
    }
}
