package io.tasklog.projections.notifications;

import io.tasklog.projections.rebuild.RebuildableProjection;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.stereotype.Component;

/**
 * Rebuilds {@code notification} from the stored reminder events, with the ids the live projection gives
 * (derived from the reminder key), so the owners' read marks in {@code notification_read} still apply.
 * Snoozes are not replayed: their read marks were never lost.
 */
@Component
public class NotificationRebuild implements RebuildableProjection {

    private final NotificationRepository notifications;

    public NotificationRebuild(NotificationRepository notifications) {
        this.notifications = notifications;
    }

    @Override
    public String processingGroup() {
        return NotificationProjection.PROCESSING_GROUP;
    }

    @Override
    public Map<String, String> tablesByTaskColumn() {
        return Map.of(NotificationRepository.TABLE, "task_id");
    }

    @Override
    public void fold(List<? extends DomainEventMessage<?>> events, ShadowTables tables) {
        String table = tables.of(NotificationRepository.TABLE);
        for (DomainEventMessage<?> event : events) {
            NewNotification notification = NotificationProjection.notificationFor(event.getPayload(), event.getTimestamp());
            if (notification != null) {
                notifications.insert(table, notification);
            }
        }
    }
}
