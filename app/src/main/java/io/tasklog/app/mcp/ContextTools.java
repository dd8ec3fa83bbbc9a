package io.tasklog.app.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tasklog.query.notifications.NotificationController;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * What an agent reads for context: list_notifications ({@code GET /api/notifications}, through its controller) and
 * recent_task_events (the {@code tasklog://events/recent} resource, for clients that do not read resources).
 */
@Component
class ContextTools {

    private static final int NOTIFICATIONS_PAGE = 20;

    private final NotificationController notifications;
    private final RecentEvents recentEvents;
    private final ObjectMapper mapper;

    ContextTools(NotificationController notifications, RecentEvents recentEvents, ObjectMapper mapper) {
        this.notifications = notifications;
        this.recentEvents = recentEvents;
        this.mapper = mapper;
    }

    List<McpTool> tools() {
        return List.of(listNotifications(), recentTaskEvents());
    }

    private McpTool listNotifications() {
        String schema = TaskSchemas.object("", """
                "unreadOnly": {"type": "boolean", "description": "Only notifications not read yet. Default false."}""");
        return new McpTool(ToolCalls.tool("list_notifications", "List notifications",
                "The user's newest reminder notifications (type upcoming: a task is due soon; overdue: it is past due), "
                        + "newest first: {items: [{id, taskId, type, title, body, createdAt, readAt}], nextCursor}.",
                schema, mapper),
                List.of(notifications), (userId, args) -> {
                    Boolean unreadOnly = args.takingOnly(Set.of("unreadOnly")).optional("unreadOnly", Boolean.class);
                    return notifications.list(Boolean.TRUE.equals(unreadOnly), NOTIFICATIONS_PAGE, null,
                            McpCaller.principal(userId));
                });
    }

    private McpTool recentTaskEvents() {
        return new McpTool(ToolCalls.tool("recent_task_events", "Recent task events",
                "What happened to the user's tasks in the last hour, newest first (at most 20): {events: [{eventId, "
                        + "type, taskId, title, at, changes}]}, type being e.g. io.tasklog.task.created.v1 and changes "
                        + "{field: {from, to}}. The same as the resource " + RecentEvents.URI + ".",
                TaskSchemas.object(""), mapper),
                List.of(), (userId, args) -> {
                    args.takingOnly(Set.of());
                    return Map.of("events", recentEvents.of(userId));
                });
    }
}
