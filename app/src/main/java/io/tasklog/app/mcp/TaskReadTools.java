package io.tasklog.app.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tasklog.api.query.StatusFilter;
import io.tasklog.api.task.TaskPriority;
import io.tasklog.query.history.TaskHistoryController;
import io.tasklog.query.task.TaskQueryController;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * list_tasks, get_task (with asOf time travel) and task_history. Each calls the REST controller's handler method
 * as plain Java with the caller as principal: the same checks (limits, cursors), queries and answers as
 * {@code GET /api/tasks}, {@code GET /api/tasks/{id}[?asOf=]} and {@code GET /api/tasks/{id}/history}.
 */
@Component
class TaskReadTools {

    private static final int DEFAULT_LIMIT = 50;

    private final TaskQueryController tasks;
    private final TaskHistoryController history;
    private final ObjectMapper mapper;

    TaskReadTools(TaskQueryController tasks, TaskHistoryController history, ObjectMapper mapper) {
        this.tasks = tasks;
        this.history = history;
        this.mapper = mapper;
    }

    List<McpTool> tools() {
        return List.of(listTasks(), getTask(), taskHistory());
    }

    private McpTool listTasks() {
        String schema = TaskSchemas.object("",
                """
                "status": {"type": "string", "enum": ["open", "completed", "all"], "description": "Default all."}""",
                """
                "priority": {"type": "array", "items": {"type": "string", "enum": ["none", "low", "medium", "high", "urgent"]}, "description": "Only tasks with one of these priorities."}""",
                """
                "tag": {"type": "string", "description": "Only tasks with this tag."}""",
                """
                "q": {"type": "string", "description": "Words to find in title or description (partial and misspelt words match too)."}""",
                """
                "dueBefore": {"type": "string", "format": "date-time", "description": "Only tasks due before this ISO-8601 instant, e.g. 2026-01-31T00:00:00Z."}""",
                """
                "limit": {"type": "integer", "minimum": 1, "maximum": 200, "description": "Page size, default 50."}""",
                """
                "cursor": {"type": "string", "description": "nextCursor of the previous page, to get the next one."}""");
        return new McpTool(ToolCalls.tool("list_tasks", "List tasks",
                "Lists the user's tasks, newest first, with optional filters. Answers {items: [task...], nextCursor}; "
                        + "pass nextCursor back as cursor for more. Each task has id, title, description, priority, tags, "
                        + "dueAt, timeZone, remindBeforeMinutes, recurrence, status (open|completed), completedAt, createdAt, "
                        + "updatedAt and version.", schema, mapper),
                List.of(tasks), (userId, args) -> {
                    args.takingOnly(Set.of("status", "priority", "tag", "q", "dueBefore", "limit", "cursor"));
                    StatusFilter status = args.optional("status", StatusFilter.class);
                    List<TaskPriority> priorities = args.optionalList("priority", TaskPriority.class);
                    Integer limit = args.optional("limit", Integer.class);
                    return tasks.list(status == null ? StatusFilter.ALL : status,
                            priorities == null ? null : new HashSet<>(priorities), args.optional("tag", String.class),
                            args.optional("dueBefore", Instant.class), null, false, args.optional("q", String.class),
                            "created", null, limit == null ? DEFAULT_LIMIT : limit, args.optional("cursor", String.class),
                            McpCaller.principal(userId));
                });
    }

    private McpTool getTask() {
        String schema = TaskSchemas.object("\"id\"", TaskSchemas.ID,
                """
                "asOf": {"type": "string", "format": "date-time", "description": "Time travel: the task as it was at this ISO-8601 instant, folded from its stored events. Omit for the current state."}""");
        return new McpTool(ToolCalls.tool("get_task", "Get a task",
                "One task of the user by id, now or (with asOf) as it was at a past instant. Its version is what "
                        + "update_task's expectedVersion compares with.", schema, mapper),
                List.of(tasks, history), (userId, args) -> {
                    args.takingOnly(Set.of("id", "asOf"));
                    String id = args.requiredText("id");
                    Instant asOf = args.optional("asOf", Instant.class);
                    return asOf == null ? tasks.get(id, McpCaller.principal(userId)).getBody()
                            : history.asOf(id, asOf, McpCaller.principal(userId)).getBody();
                });
    }

    private McpTool taskHistory() {
        String schema = TaskSchemas.object("\"id\"", TaskSchemas.ID,
                """
                "limit": {"type": "integer", "minimum": 1, "maximum": 200, "description": "At most this many events, default 50."}""");
        return new McpTool(ToolCalls.tool("task_history", "Task history",
                "The audit trail of one task, oldest first: every stored event with its type (created, updated, "
                        + "completed, reopened, deleted, reminderDue, ...), time, actor (the user or 'system') and the "
                        + "fields it changed {field: {from, to}}. Answers {items, nextCursor}.", schema, mapper),
                List.of(history), (userId, args) -> {
                    args.takingOnly(Set.of("id", "limit"));
                    Integer limit = args.optional("limit", Integer.class);
                    return history.history(args.requiredText("id"), limit == null ? DEFAULT_LIMIT : limit, null,
                            McpCaller.principal(userId));
                });
    }
}
