package io.tasklog.api.task;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Reopens a task; {@code expectedVersion}, when set, makes it conditional on that version. */
public record ReopenTaskCommand(@TargetAggregateIdentifier String taskId, @TargetAggregateVersion Long expectedVersion) {
}
