package io.tasklog.api.task;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The "upcoming" reminder of a task fired (a deadline, or a snoozed reminder coming back). {@code reminderKey}
 * identifies this reminder uniquely (task, kind, due date and lead time, or snooze time: {@link ReminderKeys}),
 * so consumers keep exactly one notification per key whatever the redelivery.
 *
 * <p>Revision 2: upcoming keys name the lead time. Events stored before it (without a revision) are upcast when read.
 */
@Revision("2")
public record TaskReminderDueEvent(String taskId, String ownerId, String title, Instant dueAt, String timeZone,
                                   int remindBeforeMinutes, String reminderKey) implements TaskEvent {
}
