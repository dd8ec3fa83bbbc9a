package io.tasklog.projections.taskview;

import io.tasklog.api.stream.StreamChange;
import io.tasklog.api.task.TaskDeletedEvent;
import io.tasklog.api.task.TaskEvent;
import io.tasklog.api.task.TaskView;
import io.tasklog.api.task.TaskViewFold;
import io.tasklog.projections.stream.StreamChangePublisher;
import io.tasklog.projections.stream.StreamEventLog;
import io.tasklog.projections.taskview.TaskViewRepository.StoredTaskView;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Builds {@code task_view} from topic {@code task-events}. A task's row is at the version (aggregate sequence
 * number) of the last event folded into it, and an event is folded in only when it is the <em>next</em> one:
 * <ul>
 *   <li>sequence ≤ the row's version: a redelivery, it changes and announces nothing;</li>
 *   <li>sequence = version + 1 (0 for a task without a row): folded into the row;</li>
 *   <li>sequence beyond that: an event is missing from the topic's order (a topic whose partitions changed,
 *   a record lost or retained away, a hand-made record). Folding it onto the row would silently skip the
 *   missing change, so the row is instead re-folded from the event store, the system of record, with the
 *   same {@link TaskViewFold} the aggregate and time travel use; the events still to come are then
 *   redeliveries of what the re-fold already covered.</li>
 * </ul>
 * Re-folding rather than waiting for the missing event: the event may never come (it lives only in the
 * store), and holding back later events would stall the task forever. A deleted task's row stays, flagged,
 * and is final: nothing can follow a deletion, so no late or stray event brings the task back.
 */
@Component
@ProcessingGroup(TaskViewProjection.PROCESSING_GROUP)
public class TaskViewProjection {

    public static final String PROCESSING_GROUP = "task-view";

    private static final Logger log = LoggerFactory.getLogger(TaskViewProjection.class);

    private final TaskViewRepository views;
    private final StoredTaskFold store;
    private final StreamEventLog changes;
    private final StreamChangePublisher publisher;

    public TaskViewProjection(TaskViewRepository views, StoredTaskFold store, StreamEventLog changes,
                              StreamChangePublisher publisher) {
        this.views = views;
        this.store = store;
        this.changes = changes;
        this.publisher = publisher;
    }

    @EventHandler
    void on(TaskEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        Optional<StoredTaskView> stored = views.find(event.taskId());
        long next = stored.map(row -> row.version() + 1).orElse(0L);
        if (sequence < next || stored.filter(StoredTaskView::deleted).isPresent()) {
            return;
        }
        if (sequence > next) {
            refold(event, sequence, next);
            return;
        }
        TaskView before = stored.map(StoredTaskView::view).orElse(null);
        TaskView after = TaskViewFold.apply(before, event, sequence, at);
        boolean deleted = event instanceof TaskDeletedEvent;
        TaskView row = deleted ? before : after;
        if (row == null) {
            return; // not a task (yet): an event before its creation changes no view
        }
        save(event.ownerId(), row, sequence, deleted);
    }

    private void refold(TaskEvent event, long sequence, long expected) {
        log.warn("Task {}: event {} arrived while the view expected {}; re-folding the task from the event store",
                event.taskId(), sequence, expected);
        store.of(event.taskId()).ifPresent(task -> save(event.ownerId(), task.view(), task.version(), task.deleted()));
    }

    private void save(String ownerId, TaskView row, long version, boolean deleted) {
        if (views.save(row, version, deleted)) {
            StreamChange change = changes.append(ownerId, StreamChange.TASK_CHANGED, row.id(), version);
            publisher.publishAfterCommit(change);
        }
    }
}
