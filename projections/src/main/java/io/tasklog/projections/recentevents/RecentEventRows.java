package io.tasklog.projections.recentevents;

import io.tasklog.api.recent.RecentTaskEvent;
import io.tasklog.api.task.TaskBecameRecurringEvent;
import io.tasklog.api.task.TaskChanges;
import io.tasklog.api.task.TaskEvent;
import io.tasklog.api.task.TaskEventTypes;
import io.tasklog.api.task.TaskView;
import io.tasklog.api.task.TaskViewFold;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Turns a task event into its recent-events row. Its {@code changes} need the task as it was before the event,
 * which only the event store knows for sure (the topic's other projections run at their own pace), so the
 * task's earlier events are folded from the store with the same fold the history uses. That read is paid only
 * for events inside the window: a replay from the start of the topic skips everything older at once.
 */
@Component
public class RecentEventRows {

    private final EventStore eventStore;
    private final Clock clock;
    private final RecentEventsProperties properties;

    public RecentEventRows(EventStore eventStore, Clock clock, RecentEventsProperties properties) {
        this.eventStore = eventStore;
        this.clock = clock;
        this.properties = properties;
    }

    /**
     * The row of the event, or empty when it is outside the window, not a task event, or one that repeats its
     * command's change ("became recurring" comes with the create or edit that set the recurrence, whose own
     * event already shows it; the history leaves it out too).
     */
    public Optional<RecentTaskEvent> of(String eventId, Object payload, long sequence, Instant at) {
        if (!(payload instanceof TaskEvent event) || payload instanceof TaskBecameRecurringEvent
                || at.isBefore(clock.instant().minus(properties.window()))) {
            return Optional.empty();
        }
        TaskView before = storedBefore(event.taskId(), sequence);
        TaskView after = TaskViewFold.apply(before, event, sequence, at);
        TaskView titled = after != null ? after : before;
        if (titled == null) {
            return Optional.empty();
        }
        return Optional.of(new RecentTaskEvent(eventId, TaskEventTypes.nameOf(event.getClass()), event.taskId(),
                titled.title(), at, TaskChanges.between(before, after)));
    }

    /** The task folded from its stored events before {@code sequence}; null before its creation. */
    private TaskView storedBefore(String taskId, long sequence) {
        TaskView state = null;
        if (sequence == 0) {
            return null;
        }
        DomainEventStream events = eventStore.readEvents(taskId, 0);
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            if (event.getSequenceNumber() >= sequence) {
                break;
            }
            state = TaskViewFold.apply(state, event.getPayload(), event.getSequenceNumber(), event.getTimestamp());
        }
        return state;
    }
}
