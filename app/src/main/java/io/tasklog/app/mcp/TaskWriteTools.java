package io.tasklog.app.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tasklog.api.task.TaskView;
import io.tasklog.command.task.TaskCommands;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * create_task, update_task, complete_task, reopen_task and delete_task: {@link TaskCommands}, the write path of
 * {@code POST/PATCH/DELETE /api/tasks}, so the same commands, JSON checks and task rules apply, as the caller.
 */
@Component
class TaskWriteTools {

    private final TaskCommands commands;
    private final ObjectMapper mapper;

    TaskWriteTools(TaskCommands commands, ObjectMapper mapper) {
        this.commands = commands;
        this.mapper = mapper;
    }

    List<McpTool> tools() {
        return List.of(createTask(), updateTask(),
                transition("complete_task", "Complete a task",
                        "Marks the task completed (nothing changes if it already is). A recurring task's next occurrence "
                                + "is then created. Answers the task's new state.", Transition.of(commands::complete)),
                transition("reopen_task", "Reopen a task", "Marks a completed task open again. Answers the task's new state.",
                        Transition.of(commands::reopen)),
                transition("delete_task", "Delete a task", "Deletes the task for good (its history stays readable). "
                        + "Answers {id, deleted: true}.", (id, userId) -> {
                            commands.delete(id, null, userId);
                            Map<String, Object> deleted = new LinkedHashMap<>();
                            deleted.put("id", id);
                            deleted.put("deleted", true);
                            return deleted;
                        }));
    }

    private McpTool createTask() {
        return new McpTool(ToolCalls.tool("create_task", "Create a task",
                "Creates a task for the user. Only title is required. Answers the created task with its id and version.",
                TaskSchemas.object("\"title\"", TaskSchemas.FIELDS), mapper),
                List.of(), (userId, args) -> commands.create(args.without(), userId));
    }

    private McpTool updateTask() {
        String schema = TaskSchemas.object("\"id\"", TaskSchemas.ID,
                """
                "expectedVersion": {"type": "integer", "minimum": 0, "description": "The version you last read (get_task); the update is refused if the task changed since. Omit to update whatever the current version is."}""",
                TaskSchemas.FIELDS);
        return new McpTool(ToolCalls.tool("update_task", "Update a task",
                "Changes only the fields given (a JSON merge patch): a field set to null is cleared, absent fields stay "
                        + "as they are. At least one field is needed. Answers the task's new state.", schema, mapper),
                List.of(), (userId, args) -> {
                    Long expectedVersion = args.optional("expectedVersion", Long.class);
                    return commands.update(args.requiredText("id"), args.without("id", "expectedVersion"),
                            expectedVersion, userId);
                });
    }

    private McpTool transition(String name, String title, String description, Transition transition) {
        return new McpTool(ToolCalls.tool(name, title, description, TaskSchemas.object("\"id\"", TaskSchemas.ID), mapper),
                List.of(), (userId, args) -> transition.apply(args.takingOnly(Set.of("id")).requiredText("id"), userId));
    }

    /** A write that names only the task (any version): complete, reopen, delete. */
    @FunctionalInterface
    private interface Transition {
        Object apply(String taskId, String userId);

        static Transition of(TaskAction action) {
            return (id, userId) -> action.apply(id, null, userId);
        }
    }

    @FunctionalInterface
    private interface TaskAction {
        TaskView apply(String taskId, Long expectedVersion, String userId);
    }
}
