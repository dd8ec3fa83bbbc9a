package io.tasklog.command.eventstore;

import org.axonframework.serialization.upcasting.event.EventUpcasterChain;

/**
 * Every upcaster of stored task events, in the order they apply (oldest change first). Used wherever
 * stored or published events are read: the event store, and the Kafka converter of topic task-events.
 */
public final class TaskEventUpcasters {

    private TaskEventUpcasters() {
    }

    public static EventUpcasterChain chain() {
        return new EventUpcasterChain(
                new TaskReminderDueEventUpcaster());
    }
}
