package io.tasklog.api.notification;

import java.util.List;

/** A page of notifications, newest first. */
public record NotificationPage(List<NotificationView> items, String nextCursor) {

    public NotificationPage {
        items = List.copyOf(items);
    }
}
