package io.tasklog.query.history;

import io.tasklog.api.task.TaskChanges;
import java.time.Instant;
import java.util.Map;

/** One stored event of a task as the history shows it: what happened, when, by whom, and what changed. */
public record HistoryItem(String eventId, String type, Instant at, String actor, long version,
                          Map<String, TaskChanges.FieldChange> changes) {
}
