package io.tasklog.api.recent;

import io.tasklog.api.task.TaskChanges;
import java.time.Instant;
import java.util.Map;

/**
 * One of a user's recent task events, as AI agents read them (MCP resource {@code tasklog://events/recent}):
 * {@code eventId} is the stored event's id (the same as in the task's history), {@code type} its stable external
 * name ({@code io.tasklog.task.created.v1}, see {@code TaskEventTypes}), {@code title} the task's title after the
 * event (before it, for a deletion), {@code changes} the fields it changed with their values before and after.
 */
public record RecentTaskEvent(String eventId, String type, String taskId, String title, Instant at,
                              Map<String, TaskChanges.FieldChange> changes) {

    public RecentTaskEvent {
        changes = changes == null ? Map.of() : changes;
    }
}
