package io.tasklog.api.notification;

/** One of the caller's notifications (used by snooze to learn which task it is about). */
public record FindNotificationQuery(String userId, String notificationId) {
}
