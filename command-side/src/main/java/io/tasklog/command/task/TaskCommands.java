package io.tasklog.command.task;

import io.tasklog.api.MessageMetadata;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tasklog.api.task.CompleteTaskCommand;
import io.tasklog.api.task.CreateTaskCommand;
import io.tasklog.api.task.DeleteTaskCommand;
import io.tasklog.api.task.ReopenTaskCommand;
import io.tasklog.api.task.TaskDetails;
import io.tasklog.api.task.TaskView;
import io.tasklog.api.task.UpdateTaskCommand;
import jakarta.validation.Validator;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Service;

/**
 * The task writes, as the acting user: each one command to the Task aggregate, answered with the task's new
 * state. The one write path behind the HTTP API and the MCP tools, so both get the same rules, the same
 * validation of JSON input and the same refusals ({@link TaskRuleViolationException}, not found, stale version).
 * {@code expectedVersion} null means "whatever the current version is".
 */
@Service
public class TaskCommands {

    private final CommandGateway commands;
    private final ObjectMapper mapper;
    private final Validator validator;

    public TaskCommands(CommandGateway commands, ObjectMapper mapper, Validator validator) {
        this.commands = commands;
        this.mapper = mapper;
        this.validator = validator;
    }

    /** A new task from already validated details. */
    public TaskView create(TaskDetails details, String userId) {
        return send(new CreateTaskCommand(UUID.randomUUID().toString(), details), userId);
    }

    /** A new task from a JSON object of writable fields, read and checked like a merge patch's fields. */
    public TaskView create(JsonNode fields, String userId) {
        return create(TaskPatch.fieldsOf(fields, mapper, validator).values(), userId);
    }

    /** A JSON merge patch (RFC 7396) of the task's writable fields. */
    public TaskView update(String taskId, JsonNode mergePatch, Long expectedVersion, String userId) {
        return update(taskId, TaskPatch.read(mergePatch, mapper, validator), expectedVersion, userId);
    }

    /** Every writable field replaced. */
    public TaskView replace(String taskId, TaskRequest request, Long expectedVersion, String userId) {
        return update(taskId, TaskPatch.replacing(request), expectedVersion, userId);
    }

    public TaskView complete(String taskId, Long expectedVersion, String userId) {
        return send(new CompleteTaskCommand(taskId, expectedVersion), userId);
    }

    public TaskView reopen(String taskId, Long expectedVersion, String userId) {
        return send(new ReopenTaskCommand(taskId, expectedVersion), userId);
    }

    /** Deletes the task; answers with its last state before the deletion. */
    public TaskView delete(String taskId, Long expectedVersion, String userId) {
        return send(new DeleteTaskCommand(taskId, expectedVersion), userId);
    }

    private TaskView update(String taskId, TaskPatch patch, Long expectedVersion, String userId) {
        return send(new UpdateTaskCommand(taskId, expectedVersion, patch.fields(), patch.values()), userId);
    }

    /** Sends the command as the user and waits for the aggregate's answer. */
    private <R> R send(Object command, String userId) {
        return commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(MetaData.with(MessageMetadata.USER_ID, userId)));
    }
}
