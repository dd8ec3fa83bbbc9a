package io.tasklog.projections.taskview;

import io.tasklog.api.stream.StreamChange;
import io.tasklog.api.task.TaskDeletedEvent;
import io.tasklog.api.task.TaskEvent;
import io.tasklog.api.task.TaskView;
import io.tasklog.api.task.TaskViewFold;
import io.tasklog.projections.stream.StreamChangePublisher;
import io.tasklog.projections.stream.StreamEventLog;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/**
 * Builds {@code task_view} from topic {@code task-events}. Idempotent by version: an event at or below
 * the row's version (a redelivery) changes nothing and announces nothing.
 */
@Component
@ProcessingGroup(TaskViewProjection.PROCESSING_GROUP)
public class TaskViewProjection {

    public static final String PROCESSING_GROUP = "task-view";

    private final TaskViewRepository views;
    private final StreamEventLog changes;
    private final StreamChangePublisher publisher;

    public TaskViewProjection(TaskViewRepository views, StreamEventLog changes, StreamChangePublisher publisher) {
        this.views = views;
        this.changes = changes;
        this.publisher = publisher;
    }

    @EventHandler
    void on(TaskEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        Optional<TaskViewRepository.StoredTaskView> stored = views.find(event.taskId());
        if (stored.isPresent() && stored.get().version() >= sequence) {
            return;
        }
        TaskView before = stored.map(TaskViewRepository.StoredTaskView::view).orElse(null);
        TaskView after = TaskViewFold.apply(before, event, sequence, at);
        boolean deleted = event instanceof TaskDeletedEvent;
        TaskView row = deleted ? before : after;
        if (row == null) {
            return; // an event for a task whose creation this projection never saw; nothing to show
        }
        if (views.save(row, sequence, deleted)) {
            StreamChange change = changes.append(event.ownerId(), StreamChange.TASK_CHANGED, event.taskId(), sequence);
            publisher.publishAfterCommit(change);
        }
    }
}
