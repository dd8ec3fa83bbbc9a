package io.tasklog.query.notifications;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** The caller has no notification with that id (or it belongs to someone else) (404). */
class NotificationNotFoundException extends ErrorResponseException {

    NotificationNotFoundException() {
        super(HttpStatus.NOT_FOUND);
        setTitle("Notification not found");
        setDetail("No such notification");
    }
}
