package io.tasklog.query.notifications;

/** The caller has no notification with that id (or it belongs to someone else). */
class NotificationNotFoundException extends RuntimeException {
}
