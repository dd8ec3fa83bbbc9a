package io.tasklog.api.task;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Creates a task owned by the user in the command's metadata. {@code series} is set when a
 * recurring task's next occurrence is created (null for a task the user creates).
 */
public record CreateTaskCommand(@TargetAggregateIdentifier String taskId, TaskDetails details, SeriesLink series) {

    public CreateTaskCommand(String taskId, TaskDetails details) {
        this(taskId, details, null);
    }
}
