package io.tasklog.projections.recentevents;

import io.tasklog.projections.rebuild.RebuildableProjection;
import io.tasklog.api.task.TaskEvent;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.stereotype.Component;

/**
 * Rebuilds {@code recent_task_event} from the event store ({@code tasklog-admin replay mcp-context}): the same rows
 * as the live projection, for the events still inside the window; older events are skipped without a read.
 * Nothing is announced (a rebuild never notifies clients).
 */
@Component
public class RecentEventsRebuild implements RebuildableProjection {

    private final RecentEventRows rows;
    private final RecentEventRepository events;

    public RecentEventsRebuild(RecentEventRows rows, RecentEventRepository events) {
        this.rows = rows;
        this.events = events;
    }

    @Override
    public String processingGroup() {
        return McpContextProjection.PROCESSING_GROUP;
    }

    @Override
    public Map<String, String> tablesByTaskColumn() {
        return Map.of(RecentEventRepository.TABLE, "task_id");
    }

    @Override
    public void fold(List<? extends DomainEventMessage<?>> stored, ShadowTables tables) {
        String table = tables.of(RecentEventRepository.TABLE);
        for (DomainEventMessage<?> event : stored) {
            if (event.getPayload() instanceof TaskEvent task) {
                rows.of(event.getIdentifier(), task, event.getSequenceNumber(), event.getTimestamp())
                        .ifPresent(row -> events.insert(table, task.ownerId(), event.getSequenceNumber(), row));
            }
        }
    }
}
