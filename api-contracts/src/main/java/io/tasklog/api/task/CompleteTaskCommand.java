package io.tasklog.api.task;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Completes a task; {@code expectedVersion}, when set, makes it conditional on that version. */
public record CompleteTaskCommand(@TargetAggregateIdentifier String taskId, @TargetAggregateVersion Long expectedVersion) {
}
