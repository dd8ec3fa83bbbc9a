package io.tasklog.command.task;

import io.tasklog.api.task.Recurrence;
import io.tasklog.api.task.TaskDetails;
import io.tasklog.api.task.TaskField;
import io.tasklog.api.task.TaskPriority;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The invariants of a task's content, and the normal form its values are stored in. Values are
 * normalised before they are checked, so that what is stored is exactly what was validated.
 */
public final class TaskRules {

    public static final int MAX_TITLE = 200;
    public static final int MAX_DESCRIPTION = 10_000;
    public static final int MAX_TAGS = 20;
    /**
     * Tags one command may list: above {@link #MAX_TAGS}, since case variants and duplicates fold into one, yet
     * small enough that folding them costs nothing. Checked before any tag is looked at.
     */
    public static final int MAX_TAGS_IN_INPUT = 50;
    public static final int MAX_TAG = 40;
    public static final int DEFAULT_REMIND_BEFORE_MINUTES = 60;
    /** Four weeks: a longer lead time is almost certainly a unit mistake. */
    public static final int MAX_REMIND_BEFORE_MINUTES = 40_320;
    public static final String DEFAULT_TIME_ZONE = "UTC";
    /** Due dates are stored as PostgreSQL timestamps and epoch milliseconds: keep them in a sane range. */
    public static final Instant EARLIEST_DUE = Instant.parse("1900-01-01T00:00:00Z");
    public static final Instant LATEST_DUE = Instant.parse("9999-12-31T23:59:59Z");
    /** Control characters (NUL above all, which PostgreSQL text cannot hold) except tab and line breaks. */
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\t\\n\\r]]");

    private TaskRules() {
    }

    /** The full content of a new task, with defaults filled in. */
    public static TaskDetails forCreation(TaskDetails in) {
        return new TaskDetails(
                title(in.title()),
                description(in.description()),
                in.priority() == null ? TaskPriority.NONE : in.priority(),
                tags(in.tags()),
                dueAt(in.dueAt()),
                timeZone(in.timeZone()),
                remindBeforeMinutes(in.remindBeforeMinutes()),
                recurrence(in.recurrence(), in.dueAt() != null));
    }

    /** The named fields of an update in normal form; the others stay null. */
    public static TaskDetails forUpdate(Set<TaskField> fields, TaskDetails in, boolean hasDueDate) {
        return new TaskDetails(
                fields.contains(TaskField.TITLE) ? title(in.title()) : null,
                fields.contains(TaskField.DESCRIPTION) ? description(in.description()) : null,
                fields.contains(TaskField.PRIORITY) ? priority(in.priority()) : null,
                fields.contains(TaskField.TAGS) ? tags(in.tags()) : null,
                fields.contains(TaskField.DUE_AT) ? dueAt(in.dueAt()) : null,
                fields.contains(TaskField.TIME_ZONE) ? timeZone(in.timeZone()) : null,
                fields.contains(TaskField.REMIND_BEFORE_MINUTES) ? remindBeforeMinutes(in.remindBeforeMinutes()) : null,
                fields.contains(TaskField.RECURRENCE) ? recurrence(in.recurrence(), hasDueDate) : null);
    }

    static String title(String title) {
        String trimmed = title == null ? "" : title.strip();
        if (trimmed.isEmpty()) {
            throw new TaskRuleViolationException("title", "title must not be blank");
        }
        if (trimmed.codePointCount(0, trimmed.length()) > MAX_TITLE) {
            throw new TaskRuleViolationException("title", "title must be at most " + MAX_TITLE + " characters");
        }
        return printable("title", trimmed);
    }

    static String description(String description) {
        if (description == null) {
            return "";
        }
        if (description.codePointCount(0, description.length()) > MAX_DESCRIPTION) {
            throw new TaskRuleViolationException("description",
                    "description must be at most " + MAX_DESCRIPTION + " characters");
        }
        return printable("description", description);
    }

    static Instant dueAt(Instant dueAt) {
        if (dueAt != null && (dueAt.isBefore(EARLIEST_DUE) || dueAt.isAfter(LATEST_DUE))) {
            throw new TaskRuleViolationException("dueAt", "dueAt must lie between the years 1900 and 9999");
        }
        return dueAt;
    }

    /** Text the read models (PostgreSQL text and jsonb) can store: no control characters but tab and line breaks. */
    static String printable(String field, String text) {
        if (CONTROL.matcher(text).find()) {
            throw new TaskRuleViolationException(field, field + " must not contain control characters");
        }
        return text;
    }

    static TaskPriority priority(TaskPriority priority) {
        return priority == null ? TaskPriority.NONE : priority;
    }

    /** Tags are trimmed, inner whitespace collapsed, lower-cased and de-duplicated in their first order. */
    static List<String> tags(List<String> tags) {
        if (tags == null) {
            return List.of();
        }
        if (tags.size() > MAX_TAGS_IN_INPUT) {
            throw new TaskRuleViolationException("tags", "at most " + MAX_TAGS_IN_INPUT + " tags in one request");
        }
        Set<String> normal = new LinkedHashSet<>();
        for (String tag : tags) {
            String t = tag == null ? "" : tag.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
            if (t.isEmpty()) {
                throw new TaskRuleViolationException("tags", "tags must not be blank");
            }
            printable("tags", t);
            if (t.codePointCount(0, t.length()) > MAX_TAG) {
                throw new TaskRuleViolationException("tags", "a tag must be at most " + MAX_TAG + " characters: " + t);
            }
            normal.add(t);
        }
        if (normal.size() > MAX_TAGS) {
            throw new TaskRuleViolationException("tags", "a task has at most " + MAX_TAGS + " tags");
        }
        return new ArrayList<>(normal);
    }

    static String timeZone(String zone) {
        if (zone == null || zone.isBlank()) {
            return DEFAULT_TIME_ZONE;
        }
        try {
            return ZoneId.of(zone.strip()).getId();
        } catch (DateTimeException e) {
            throw new TaskRuleViolationException("timeZone", "not a known IANA time zone: " + zone);
        }
    }

    static int remindBeforeMinutes(Integer minutes) {
        if (minutes == null) {
            return DEFAULT_REMIND_BEFORE_MINUTES;
        }
        if (minutes < 0 || minutes > MAX_REMIND_BEFORE_MINUTES) {
            throw new TaskRuleViolationException("remindBeforeMinutes",
                    "remindBeforeMinutes must be between 0 and " + MAX_REMIND_BEFORE_MINUTES);
        }
        return minutes;
    }

    static Recurrence recurrence(Recurrence recurrence, boolean hasDueDate) {
        if (recurrence == null) {
            return null;
        }
        if (!hasDueDate) {
            throw new TaskRuleViolationException("recurrence", "a recurring task needs a due date");
        }
        return RecurrenceRules.validate(recurrence);
    }
}
