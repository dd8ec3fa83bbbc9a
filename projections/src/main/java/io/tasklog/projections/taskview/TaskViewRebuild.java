package io.tasklog.projections.taskview;

import io.tasklog.api.task.TaskDeletedEvent;
import io.tasklog.api.task.TaskEvent;
import io.tasklog.api.task.TaskView;
import io.tasklog.api.task.TaskViewFold;
import io.tasklog.projections.rebuild.RebuildableProjection;
import io.tasklog.projections.taskview.TaskViewRepository.StoredTaskView;
import java.util.HashMap;
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

    /** Rows a rebuild session keeps in memory (about 1 KB each). */
    static final int REMEMBERED_ROWS = 50_000;

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
        fold(events, tables.of(TaskViewRepository.TABLE), new HashMap<>());
    }

    /** Remembers the last {@value #REMEMBERED_ROWS} rows it wrote or read, so a chunk reads only the others. */
    @Override
    public Session open(ShadowTables tables) {
        String table = tables.of(TaskViewRepository.TABLE);
        Map<String, StoredTaskView> remembered = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, StoredTaskView> eldest) {
                return size() > REMEMBERED_ROWS;
            }
        };
        return events -> fold(events, table, remembered);
    }

    /** Folds one chunk into {@code table}; {@code rows} holds rows known to be stored there, and gets the new ones. */
    private void fold(List<? extends DomainEventMessage<?>> events, String table, Map<String, StoredTaskView> rows) {
        Set<String> unknown = events.stream().map(DomainEventMessage::getAggregateIdentifier)
                .filter(id -> !rows.containsKey(id)).collect(Collectors.toSet());
        if (!unknown.isEmpty()) {
            rows.putAll(views.findAll(table, unknown));
        }
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
