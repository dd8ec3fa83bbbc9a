package io.tasklog.api.task;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What an event changed about a task, as the JSON field names with their values before and after: the
 * {@code changes} of a history item and of a recent task event. One function for both, so an agent that reads
 * a task's history and its recent events sees the same changes described the same way.
 */
public final class TaskChanges {

    private TaskChanges() {
    }

    /** A field's value before and after an event. */
    public record FieldChange(Object from, Object to) {
    }

    /** The fields whose values differ between the two states (either may be null: not created yet, deleted). */
    public static Map<String, FieldChange> between(TaskView before, TaskView after) {
        Map<String, FieldChange> changes = new LinkedHashMap<>();
        TaskDetails from = before == null ? null : TaskViewFold.details(before);
        TaskDetails to = after == null ? null : TaskViewFold.details(after);
        for (TaskField field : TaskField.values()) {
            put(changes, field.jsonName(), from == null ? null : from.valueOf(field), to == null ? null : to.valueOf(field));
        }
        put(changes, "status", before == null ? null : before.status(), after == null ? null : after.status());
        put(changes, "completedAt", before == null ? null : before.completedAt(), after == null ? null : after.completedAt());
        put(changes, "seriesId", before == null ? null : before.seriesId(), after == null ? null : after.seriesId());
        put(changes, "previousOccurrenceId", before == null ? null : before.previousOccurrenceId(),
                after == null ? null : after.previousOccurrenceId());
        return changes;
    }

    private static void put(Map<String, FieldChange> changes, String field, Object from, Object to) {
        if (!Objects.equals(from, to)) {
            changes.put(field, new FieldChange(from, to));
        }
    }
}
