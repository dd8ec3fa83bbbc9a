package io.tasklog.api.task;

import java.util.Set;

/** The named fields changed to the given values (a null value means the field was cleared). */
public record TaskUpdatedEvent(String taskId, String ownerId, Set<TaskField> changedFields, TaskDetails values)
        implements TaskEvent {

    public TaskUpdatedEvent {
        // tolerated when missing (an event stored without it changed nothing we can name)
        changedFields = changedFields == null ? Set.of() : Set.copyOf(changedFields);
    }
}
