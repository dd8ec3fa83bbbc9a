package io.tasklog.projections.notifications;

import io.tasklog.api.notification.NotificationType;
import java.time.Instant;

/** A notification about to be stored. */
record NewNotification(String userId, String taskId, NotificationType type, String title, String body,
                       Instant createdAt, String reminderKey) {
}
