package io.tasklog.api.task;

import java.time.Instant;

/** The next occurrence of this recurring task was created: the link as seen from the earlier task. */
public record NextOccurrenceCreatedEvent(String taskId, String ownerId, String nextTaskId, Instant nextDueAt)
        implements TaskEvent {
}
