package io.tasklog.app.mcp;

import io.modelcontextprotocol.server.McpSyncServer;
import io.tasklog.api.stream.StreamChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;

/**
 * Tells the subscribed MCP sessions of a user on this instance that their recent events changed. The signal comes
 * from topic {@code task-updates}, which every instance reads entirely, after the {@code mcp-context} projection
 * committed the event on whichever instance it ran: so a session on any instance hears of it, and reads a
 * committed row when it re-reads the resource.
 */
class RecentEventsNotifier {

    private static final Logger log = LoggerFactory.getLogger(RecentEventsNotifier.class);

    private final McpSyncServer server;

    RecentEventsNotifier(McpSyncServer server) {
        this.server = server;
    }

    @EventListener
    void on(StreamChange change) {
        if (!StreamChange.RECENT_EVENTS_CHANGED.equals(change.kind())) {
            return;
        }
        server.getAsyncServer().notifyResourcesUpdated(UserScopedTransport.forUser(RecentEvents.URI, change.userId()))
                .subscribe(null, error -> log.debug("Could not notify MCP sessions of {}: {}", change.userId(), error.toString()));
    }
}
