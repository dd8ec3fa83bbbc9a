package io.tasklog.projections.taskview;

import io.tasklog.api.task.TaskDeletedEvent;
import io.tasklog.api.task.TaskEvent;
import io.tasklog.api.task.TaskView;
import io.tasklog.api.task.TaskViewFold;
import io.tasklog.projections.rebuild.RebuildableProjection;
import io.tasklog.projections.taskview.TaskViewRepository.StoredTaskView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.stereotype.Component;

/**
 * Rebuilds {@code task_view} from the stored events: the same fold and the same rows as
 * {@link TaskViewProjection}, a chunk at a time (rows read once, written in one batch), and nothing announced.
 */
@Component
public class TaskViewRebuild implements RebuildableProjection {

    private final TaskViewRepository views;

    public TaskViewRebuild(TaskViewRepository views) {
        this.views = views;
    }

    @Override
    public String processingGroup() {
        return TaskViewProjection.PROCESSING_GROUP;
    }

    @Override
    public Map<String, String> tablesByTaskColumn() {
        return Map.of(TaskViewRepository.TABLE, "id");
    }

    @Override
    public void fold(List<? extends DomainEventMessage<?>> events, ShadowTables tables) {
        String table = tables.of(TaskViewRepository.TABLE);
        Set<String> ids = events.stream().map(DomainEventMessage::getAggregateIdentifier).collect(Collectors.toSet());
        Map<String, StoredTaskView> rows = views.findAll(table, ids);
        Map<String, StoredTaskView> changed = new LinkedHashMap<>();
        for (DomainEventMessage<?> event : events) {
            if (event.getPayload() instanceof TaskEvent taskEvent) {
                StoredTaskView row = apply(rows.get(taskEvent.taskId()), taskEvent, event);
                if (row != null) {
                    rows.put(taskEvent.taskId(), row);
                    changed.put(taskEvent.taskId(), row);
                }
            }
        }
        views.saveAll(table, changed.values());
    }

    /** The row after the event, or null when it changes nothing (already applied, or no creation seen). */
    private static StoredTaskView apply(StoredTaskView stored, TaskEvent event, DomainEventMessage<?> message) {
        long sequence = message.getSequenceNumber();
        if (stored != null && stored.version() >= sequence) {
            return null;
        }
        TaskView before = stored == null ? null : stored.view();
        boolean deleted = event instanceof TaskDeletedEvent || (stored != null && stored.deleted());
        TaskView after = event instanceof TaskDeletedEvent ? before
                : TaskViewFold.apply(before, event, sequence, message.getTimestamp());
        return after == null ? null : new StoredTaskView(after, sequence, deleted);
    }
}
