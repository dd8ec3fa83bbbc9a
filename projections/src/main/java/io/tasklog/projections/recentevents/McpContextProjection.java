package io.tasklog.projections.recentevents;

import io.tasklog.api.stream.StreamChange;
import io.tasklog.api.task.TaskEvent;
import io.tasklog.projections.stream.StreamChangePublisher;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/**
 * The {@code mcp-context} projection: each user's task events of the last hour, for AI agents (MCP resource
 * {@code tasklog://events/recent}). A processing group of its own on {@code task-events}, with its own position
 * in PostgreSQL, so it neither waits for nor holds back the dashboard's projections. One row per event id: a
 * redelivery inserts nothing and announces nothing. A new row is announced on {@code task-updates} after the
 * commit, so every instance can tell its subscribed MCP sessions of that user, which then read a committed row.
 */
@Component
@ProcessingGroup(McpContextProjection.PROCESSING_GROUP)
public class McpContextProjection {

    public static final String PROCESSING_GROUP = "mcp-context";

    private final RecentEventRows rows;
    private final RecentEventRepository events;
    private final StreamChangePublisher publisher;

    public McpContextProjection(RecentEventRows rows, RecentEventRepository events, StreamChangePublisher publisher) {
        this.rows = rows;
        this.events = events;
        this.publisher = publisher;
    }

    @EventHandler
    void on(TaskEvent event, EventMessage<?> message, @SequenceNumber long sequence, @Timestamp Instant at) {
        rows.of(message.getIdentifier(), event, sequence, at)
                .filter(row -> events.insert(RecentEventRepository.TABLE, event.ownerId(), sequence, row))
                .ifPresent(row -> publisher.publishAfterCommit(
                        StreamChange.recentEventsChanged(event.ownerId(), event.taskId(), sequence)));
    }
}
