package io.tasklog.projections.taskview;

import io.tasklog.api.task.TaskViewFold;
import io.tasklog.api.task.TaskView;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * A task's view folded from the event store, the system of record: what the projection falls back to when
 * the topic hands it an event that does not follow the row's version. Reads from sequence 0, bypassing
 * snapshots on purpose (a snapshot is the aggregate's state, not a view).
 */
@Component
public class StoredTaskFold {

    private final EventStore eventStore;

    public StoredTaskFold(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** The task as the store has it now; empty if the store holds no creation event for it. */
    public Optional<Folded> of(String taskId) {
        TaskView state = null;
        TaskView lastLive = null;
        long version = -1;
        DomainEventStream events = eventStore.readEvents(taskId, 0);
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            state = TaskViewFold.apply(state, event.getPayload(), event.getSequenceNumber(), event.getTimestamp());
            lastLive = state == null ? lastLive : state;
            version = event.getSequenceNumber();
        }
        return lastLive == null ? Optional.empty() : Optional.of(new Folded(lastLive, version, state == null));
    }

    /**
     * The folded task at {@code version} (its last stored event). A deleted task keeps its last live view, so
     * that its row can be flagged rather than missing.
     */
    public record Folded(TaskView view, long version, boolean deleted) {
    }
}
