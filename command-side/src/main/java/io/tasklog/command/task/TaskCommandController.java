package io.tasklog.command.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tasklog.api.task.CompleteTaskCommand;
import io.tasklog.api.task.CreateTaskCommand;
import io.tasklog.api.task.DeleteTaskCommand;
import io.tasklog.api.task.ReopenTaskCommand;
import io.tasklog.api.task.UpdateTaskCommand;
import java.net.URI;
import java.security.Principal;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The write half of {@code /api/tasks}: every request becomes one command to the Task aggregate. */
@RestController
@RequestMapping("/api/tasks")
public class TaskCommandController {

    private final CommandGateway commands;
    private final ObjectMapper mapper;

    public TaskCommandController(CommandGateway commands, ObjectMapper mapper) {
        this.commands = commands;
        this.mapper = mapper;
    }

    @PostMapping
    public ResponseEntity<WriteResult> create(@RequestBody TaskRequest request, Principal user) {
        String taskId = UUID.randomUUID().toString();
        send(new CreateTaskCommand(taskId, request.toDetails()), user);
        return ResponseEntity.created(URI.create("/api/tasks/" + taskId))
                .eTag(ETags.of(0)).body(new WriteResult(taskId, 0));
    }

    @PatchMapping(path = "/{id}", consumes = {"application/json", "application/merge-patch+json"})
    public ResponseEntity<WriteResult> patch(@PathVariable String id, @RequestBody JsonNode body,
                                             @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                             Principal user) {
        return update(id, TaskPatch.read(body, mapper), ifMatch, user);
    }

    @PutMapping("/{id}")
    public ResponseEntity<WriteResult> replace(@PathVariable String id, @RequestBody TaskRequest request,
                                               @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                               Principal user) {
        return update(id, TaskPatch.replacing(request), ifMatch, user);
    }

    @PostMapping("/{id}/complete")
    public ResponseEntity<WriteResult> complete(@PathVariable String id,
                                                @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                                Principal user) {
        return written(id, send(new CompleteTaskCommand(id, ETags.parse(ifMatch)), user));
    }

    @PostMapping("/{id}/reopen")
    public ResponseEntity<WriteResult> reopen(@PathVariable String id,
                                              @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                              Principal user) {
        return written(id, send(new ReopenTaskCommand(id, ETags.parse(ifMatch)), user));
    }

    @DeleteMapping("/{id}")
    public ResponseEntity<Void> delete(@PathVariable String id,
                                       @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                       Principal user) {
        send(new DeleteTaskCommand(id, ETags.parse(ifMatch)), user);
        return ResponseEntity.status(HttpStatus.NO_CONTENT).build();
    }

    private ResponseEntity<WriteResult> update(String id, TaskPatch patch, String ifMatch, Principal user) {
        long version = send(new UpdateTaskCommand(id, ETags.parse(ifMatch), patch.fields(), patch.values()), user);
        return written(id, version);
    }

    private static ResponseEntity<WriteResult> written(String id, long version) {
        return ResponseEntity.ok().eTag(ETags.of(version)).body(new WriteResult(id, version));
    }

    /** Sends the command as the authenticated user and waits for the aggregate's answer. */
    private long send(Object command, Principal user) {
        Object result = commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(MetaData.with(TaskAggregate.USER_ID, user.getName())));
        return result instanceof Number version ? version.longValue() : 0L;
    }
}
