package io.tasklog.command.task;

/** A command asked for something the task's rules forbid; {@code field} names the offending input. */
public class TaskRuleViolationException extends RuntimeException {

    private final String field;

    public TaskRuleViolationException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
