package io.tasklog.projections.notifications;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The human text of a notification, with the due time in the task's own time zone. */
final class NotificationTexts {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", Locale.ENGLISH);

    private NotificationTexts() {
    }

    static String upcoming(Instant dueAt, String zone) {
        return dueAt == null ? "Reminder" : "Due " + at(dueAt, zone);
    }

    static String overdue(Instant dueAt, String zone) {
        return "Overdue: was due " + at(dueAt, zone);
    }

    private static String at(Instant instant, String zone) {
        ZoneId id = zone == null ? ZoneId.of("UTC") : ZoneId.of(zone);
        return WHEN.format(instant.atZone(id)) + " (" + id.getId() + ")";
    }
}
