package io.tasklog.api.task;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The user-writable content of a task. In {@link TaskCreatedEvent} every field is meaningful; in an
 * update only the fields the update names are (the others are null).
 */
public record TaskDetails(
        String title,
        String description,
        TaskPriority priority,
        List<String> tags,
        Instant dueAt,
        String timeZone,
        Integer remindBeforeMinutes,
        Recurrence recurrence) {

    public TaskDetails {
        tags = tags == null ? null : List.copyOf(tags);
    }

    /** This content with the named fields taken from {@code changes}: how an update event is applied. */
    public TaskDetails withChanges(Set<TaskField> fields, TaskDetails changes) {
        return new TaskDetails(
                pick(fields, TaskField.TITLE, title, changes.title),
                pick(fields, TaskField.DESCRIPTION, description, changes.description),
                pick(fields, TaskField.PRIORITY, priority, changes.priority),
                pick(fields, TaskField.TAGS, tags, changes.tags),
                pick(fields, TaskField.DUE_AT, dueAt, changes.dueAt),
                pick(fields, TaskField.TIME_ZONE, timeZone, changes.timeZone),
                pick(fields, TaskField.REMIND_BEFORE_MINUTES, remindBeforeMinutes, changes.remindBeforeMinutes),
                pick(fields, TaskField.RECURRENCE, recurrence, changes.recurrence));
    }

    private static <T> T pick(Set<TaskField> fields, TaskField field, T current, T changed) {
        return fields.contains(field) ? changed : current;
    }

    /** The value of one field, for generic handling such as history diffs. */
    public Object valueOf(TaskField field) {
        return switch (field) {
            case TITLE -> title;
            case DESCRIPTION -> description;
            case PRIORITY -> priority;
            case TAGS -> tags;
            case DUE_AT -> dueAt;
            case TIME_ZONE -> timeZone;
            case REMIND_BEFORE_MINUTES -> remindBeforeMinutes;
            case RECURRENCE -> recurrence;
        };
    }
}
