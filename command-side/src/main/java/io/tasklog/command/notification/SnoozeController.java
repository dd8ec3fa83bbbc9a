package io.tasklog.command.notification;

import io.tasklog.api.MessageMetadata;
import io.tasklog.api.notification.FindNotificationQuery;
import io.tasklog.api.notification.NotificationView;
import io.tasklog.api.task.SnoozeReminderCommand;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/notifications/{id}/snooze}: remind me again in N minutes. The notification is looked
 * up through the query bus (the write side does not read read models directly), then the task decides.
 */
@RestController
public class SnoozeController {

    private final QueryGateway queries;
    private final CommandGateway commands;
    private final Clock clock;

    public SnoozeController(QueryGateway queries, CommandGateway commands, Clock clock) {
        this.queries = queries;
        this.commands = commands;
        this.clock = clock;
    }

    @PostMapping("/api/notifications/{id}/snooze")
    public Snoozed snooze(@PathVariable String id, @RequestBody SnoozeRequest request, Principal user) {
        if (request.minutes() == null) {
            throw new IllegalArgumentException("minutes is required");
        }
        NotificationView notification = queries.query(new FindNotificationQuery(user.getName(), id),
                        ResponseTypes.optionalInstanceOf(NotificationView.class)).join()
                .orElseThrow(NoSuchNotificationException::new);
        Instant remindAt = clock.instant().plus(Duration.ofMinutes(request.minutes()));
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(
                        new SnoozeReminderCommand(notification.taskId(), id, request.minutes()))
                .andMetaData(MetaData.with(MessageMetadata.USER_ID, user.getName())));
        return new Snoozed(id, notification.taskId(), remindAt);
    }

    /** Body: {@code { "minutes": 10 }}. */
    public record SnoozeRequest(Integer minutes) {
    }

    /** Answer: the reminder comes back at {@code remindAt}. */
    public record Snoozed(String notificationId, String taskId, Instant remindAt) {
    }

    /** 404, as the read side answers for a notification the caller does not have. */
    static class NoSuchNotificationException extends ErrorResponseException {

        NoSuchNotificationException() {
            super(HttpStatus.NOT_FOUND);
            setTitle("Notification not found");
            setDetail("No such notification");
        }
    }
}
