package io.tasklog.query.history;

import io.tasklog.api.task.TaskCreatedEvent;
import io.tasklog.api.task.TaskEvent;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Reads a task's events straight from the event store, the system of record, for the caller only.
 * Snapshots are bypassed on purpose: history needs every event, not the latest state.
 */
@Component
public class StoredTaskEvents {

    private final EventStore eventStore;

    public StoredTaskEvents(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** All events of the caller's task, oldest first; another user's task is reported as missing. */
    public List<? extends DomainEventMessage<?>> of(String taskId, String userId) {
        List<? extends DomainEventMessage<?>> events = eventStore.readEvents(taskId, 0).asStream().toList();
        if (events.isEmpty() || !(events.get(0).getPayload() instanceof TaskCreatedEvent created)
                || !created.ownerId().equals(userId)) {
            throw new TaskHistoryNotFoundException("No such task");
        }
        return events.stream().filter(e -> e.getPayload() instanceof TaskEvent).toList();
    }
}
