package io.tasklog.api.notification;

import java.time.Instant;

/** A notification as the API shows it; {@code readAt} is null while unread. */
public record NotificationView(String id, String taskId, NotificationType type, String title, String body,
                               Instant createdAt, Instant readAt) {
}
