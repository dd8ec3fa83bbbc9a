package io.tasklog.query.notifications;

import io.tasklog.api.notification.NotificationView;
import io.tasklog.api.stream.StreamChange;
import io.tasklog.projections.notifications.NotificationRepository;
import io.tasklog.query.stream.NotificationEventSource;
import org.springframework.stereotype.Component;

/** Data of {@code event: notification.created}: the notification and the caller's new unread count. */
@Component
public class NotificationStreamEvents implements NotificationEventSource {

    private final NotificationRepository notifications;

    public NotificationStreamEvents(NotificationRepository notifications) {
        this.notifications = notifications;
    }

    @Override
    public Object eventData(StreamChange change, String userId) {
        return new NotificationCreated(notifications.find(userId, change.subjectId()).orElse(null),
                notifications.unreadCount(userId));
    }

    /** The stream's notification event. */
    public record NotificationCreated(NotificationView notification, long unreadCount) {
    }
}
