package io.tasklog.api.task;

import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Changes the named fields to the values in {@code values} (a null value clears a field).
 * {@code expectedVersion}, when set, makes the change conditional on the task being at that version.
 */
public record UpdateTaskCommand(
        @TargetAggregateIdentifier String taskId,
        @TargetAggregateVersion Long expectedVersion,
        Set<TaskField> fields,
        TaskDetails values) {

    public UpdateTaskCommand {
        fields = Set.copyOf(fields);
    }
}
