package io.tasklog.api.notification;

/** Why the user is notified; the JSON form is the lower-case name. */
public enum NotificationType {
    UPCOMING, OVERDUE
}
