package io.tasklog.query.notifications;

import io.tasklog.api.notification.FindNotificationQuery;
import io.tasklog.api.notification.NotificationView;
import io.tasklog.projections.notifications.NotificationRepository;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** Lets the write side learn which task a notification is about (for snooze), for its owner only. */
@Component
public class NotificationQueryHandler {

    private final NotificationRepository notifications;

    public NotificationQueryHandler(NotificationRepository notifications) {
        this.notifications = notifications;
    }

    @QueryHandler
    public Optional<NotificationView> handle(FindNotificationQuery query) {
        return notifications.find(query.userId(), query.notificationId());
    }
}
