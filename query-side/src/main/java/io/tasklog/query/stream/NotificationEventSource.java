package io.tasklog.query.stream;

import io.tasklog.api.stream.StreamChange;

/** Supplies the data of {@code notification.created} stream events (implemented by the notifications read side). */
public interface NotificationEventSource {

    Object eventData(StreamChange change, String userId);
}
