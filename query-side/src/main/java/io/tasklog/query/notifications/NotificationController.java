package io.tasklog.query.notifications;

import io.tasklog.api.notification.NotificationPage;
import io.tasklog.api.notification.NotificationView;
import io.tasklog.projections.notifications.NotificationRepository;
import io.tasklog.query.paging.InstantIdCursor;
import java.security.Principal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's notifications: newest first with cursor pages, the unread count, and read marks. */
@RestController
@RequestMapping("/api/notifications")
public class NotificationController {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    private final NotificationRepository notifications;
    private final Clock clock;

    public NotificationController(NotificationRepository notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    @GetMapping
    public NotificationPage list(@RequestParam(defaultValue = "false") boolean unreadOnly,
                                 @RequestParam(defaultValue = "" + DEFAULT_LIMIT) int limit,
                                 @RequestParam(required = false) String cursor, Principal user) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
        InstantIdCursor after = cursor == null || cursor.isBlank() ? null : InstantIdCursor.decode(cursor);
        List<NotificationView> rows = notifications.page(user.getName(), unreadOnly,
                after == null ? null : after.at(), after == null ? null : after.id(), limit + 1);
        if (rows.size() <= limit) {
            return new NotificationPage(rows, null);
        }
        NotificationView last = rows.get(limit - 1);
        return new NotificationPage(rows.subList(0, limit), new InstantIdCursor(last.createdAt(), last.id()).encode());
    }

    @GetMapping("/unread-count")
    public Map<String, Long> unreadCount(Principal user) {
        return Map.of("count", notifications.unreadCount(user.getName()));
    }

    @PatchMapping("/{id}/read")
    public NotificationView markRead(@PathVariable String id, Principal user) {
        if (!notifications.markRead(user.getName(), id, clock.instant())) {
            throw new NotificationNotFoundException();
        }
        return notifications.find(user.getName(), id).orElseThrow(NotificationNotFoundException::new);
    }

    @PostMapping("/read-all")
    public Map<String, Object> markAllRead(Principal user) {
        int marked = notifications.markAllRead(user.getName(), clock.instant());
        return Map.of("marked", marked, "unreadCount", notifications.unreadCount(user.getName()));
    }
}
