package io.tasklog.app.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import io.tasklog.api.recent.FindRecentTaskEventsQuery;
import io.tasklog.api.recent.RecentTaskEvent;
import io.tasklog.projections.recentevents.RecentEventsProperties;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/**
 * The resource {@code tasklog://events/recent}: the caller's recent task events (JSON array, newest first), read
 * through the query bus from the {@code mcp-context} read model. Subscribers hear of a new event of theirs through
 * {@link RecentEventsNotifier}.
 */
@Component
class RecentEvents {

    static final String URI = "tasklog://events/recent";

    private final QueryGateway queries;
    private final RecentEventsProperties properties;
    private final ObjectMapper mapper;

    RecentEvents(QueryGateway queries, RecentEventsProperties properties, ObjectMapper mapper) {
        this.queries = queries;
        this.properties = properties;
        this.mapper = mapper;
    }

    List<RecentTaskEvent> of(String userId) {
        return queries.query(new FindRecentTaskEventsQuery(userId, properties.limit()),
                ResponseTypes.multipleInstancesOf(RecentTaskEvent.class)).join();
    }

    SyncResourceSpecification resource() {
        McpSchema.Resource resource = McpSchema.Resource.builder()
                .uri(URI)
                .name("recent-task-events")
                .title("Recent task events")
                .description("What happened to your tasks in the last " + properties.window().toMinutes()
                        + " minutes, newest first (at most " + properties.limit() + "): [{eventId, type, taskId, title, "
                        + "at, changes}]. Subscribe to hear when a new event arrives.")
                .mimeType("application/json")
                .build();
        return new SyncResourceSpecification(resource, (exchange, request) -> new McpSchema.ReadResourceResult(List.of(
                new McpSchema.TextResourceContents(URI, "application/json", json(of(McpCaller.userId(exchange)))))));
    }

    private String json(List<RecentTaskEvent> events) {
        try {
            return mapper.writeValueAsString(events);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
