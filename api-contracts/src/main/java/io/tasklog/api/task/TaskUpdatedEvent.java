package io.tasklog.api.task;

import java.util.Set;

/** The named fields changed to the given values (a null value means the field was cleared). */
public record TaskUpdatedEvent(String taskId, String ownerId, Set<TaskField> changedFields, TaskDetails values)
        implements TaskEvent {

    public TaskUpdatedEvent {
        changedFields = Set.copyOf(changedFields);
    }
}
