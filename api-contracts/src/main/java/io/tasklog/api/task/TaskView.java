package io.tasklog.api.task;

import java.time.Instant;
import java.util.List;

/** A task as users see it (the HTTP API's task JSON). {@code version} is the aggregate version (the ETag). */
public record TaskView(
        String id,
        String ownerId,
        String title,
        String description,
        TaskPriority priority,
        List<String> tags,
        Instant dueAt,
        String timeZone,
        int remindBeforeMinutes,
        Recurrence recurrence,
        TaskStatus status,
        Instant completedAt,
        Instant createdAt,
        Instant updatedAt,
        long version,
        String seriesId,
        String previousOccurrenceId) {

    public TaskView {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
