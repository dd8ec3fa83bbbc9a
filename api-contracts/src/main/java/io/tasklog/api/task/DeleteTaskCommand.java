package io.tasklog.api.task;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Deletes a task; {@code expectedVersion}, when set, makes it conditional on that version. */
public record DeleteTaskCommand(@TargetAggregateIdentifier String taskId, @TargetAggregateVersion Long expectedVersion) {
}
