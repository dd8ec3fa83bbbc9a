package io.tasklog.projections.notifications;

import io.tasklog.api.notification.NotificationType;
import io.tasklog.api.stream.StreamChange;
import io.tasklog.api.task.TaskBecameOverdueEvent;
import io.tasklog.api.task.TaskReminderDueEvent;
import io.tasklog.api.task.TaskReminderSnoozedEvent;
import io.tasklog.projections.stream.StreamChangePublisher;
import io.tasklog.projections.stream.StreamEventLog;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/**
 * Builds the {@code notification} table from reminder events on {@code task-events}. Exactly one
 * notification per reminder key (task, kind, due date or snooze time), whatever the redelivery; only a
 * notification actually inserted is announced on the stream.
 */
@Component
@ProcessingGroup(NotificationProjection.PROCESSING_GROUP)
public class NotificationProjection {

    public static final String PROCESSING_GROUP = "notifications";

    private final NotificationRepository notifications;
    private final StreamEventLog changes;
    private final StreamChangePublisher publisher;

    public NotificationProjection(NotificationRepository notifications, StreamEventLog changes,
                                  StreamChangePublisher publisher) {
        this.notifications = notifications;
        this.changes = changes;
        this.publisher = publisher;
    }

    @EventHandler
    void on(TaskReminderDueEvent event, @Timestamp Instant at) {
        store(notificationFor(event, at));
    }

    @EventHandler
    void on(TaskBecameOverdueEvent event, @Timestamp Instant at) {
        store(notificationFor(event, at));
    }

    /** The notification a reminder event gives, or null for any other event. */
    static NewNotification notificationFor(Object event, Instant at) {
        if (event instanceof TaskReminderDueEvent due) {
            return new NewNotification(due.ownerId(), due.taskId(), NotificationType.UPCOMING, due.title(),
                    NotificationTexts.upcoming(due.dueAt(), due.timeZone()), at, due.reminderKey());
        }
        if (event instanceof TaskBecameOverdueEvent overdue) {
            return new NewNotification(overdue.ownerId(), overdue.taskId(), NotificationType.OVERDUE, overdue.title(),
                    NotificationTexts.overdue(overdue.dueAt(), overdue.timeZone()), at, overdue.reminderKey());
        }
        return null;
    }

    /** A snoozed notification counts as read: it comes back as a new one when the snooze ends. */
    @EventHandler
    void on(TaskReminderSnoozedEvent event, @Timestamp Instant at) {
        if (event.notificationId() != null) {
            notifications.markRead(event.ownerId(), event.notificationId(), at);
        }
    }

    private void store(NewNotification notification) {
        notifications.insert(notification).ifPresent(id -> publisher.publishAfterCommit(
                changes.append(notification.userId(), StreamChange.NOTIFICATION_CREATED, id, 0)));
    }
}
