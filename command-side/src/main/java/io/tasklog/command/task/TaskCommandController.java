package io.tasklog.command.task;

import io.tasklog.api.MessageMetadata;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tasklog.api.task.CompleteTaskCommand;
import io.tasklog.api.task.CreateTaskCommand;
import io.tasklog.api.task.DeleteTaskCommand;
import io.tasklog.api.task.ReopenTaskCommand;
import io.tasklog.api.task.TaskView;
import io.tasklog.api.task.TaskViewFold;
import io.tasklog.api.task.UpdateTaskCommand;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import java.net.URI;
import java.security.Principal;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
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
    private final EventStore eventStore;
    private final Validator validator;

    public TaskCommandController(CommandGateway commands, ObjectMapper mapper, EventStore eventStore,
                                 Validator validator) {
        this.commands = commands;
        this.mapper = mapper;
        this.eventStore = eventStore;
        this.validator = validator;
    }

    @PostMapping
    public ResponseEntity<TaskView> create(@Valid @RequestBody TaskRequest request, Principal user) {
        String taskId = UUID.randomUUID().toString();
        send(new CreateTaskCommand(taskId, request.toDetails()), user);
        TaskView created = storedState(taskId);
        return ResponseEntity.created(URI.create("/api/tasks/" + taskId)).eTag(ETags.of(created.version())).body(created);
    }

    @PatchMapping(path = "/{id}", consumes = {"application/json", "application/merge-patch+json"})
    public ResponseEntity<TaskView> patch(@PathVariable String id, @RequestBody JsonNode body,
                                             @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                             Principal user) {
        return update(id, TaskPatch.read(body, mapper, validator), ifMatch, user);
    }

    @PutMapping("/{id}")
    public ResponseEntity<TaskView> replace(@PathVariable String id, @Valid @RequestBody TaskRequest request,
                                               @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                               Principal user) {
        return update(id, TaskPatch.replacing(request), ifMatch, user);
    }

    @PostMapping("/{id}/complete")
    public ResponseEntity<TaskView> complete(@PathVariable String id,
                                                @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                                Principal user) {
        return written(this.<TaskView>send(new CompleteTaskCommand(id, ETags.parse(ifMatch)), user));
    }

    @PostMapping("/{id}/reopen")
    public ResponseEntity<TaskView> reopen(@PathVariable String id,
                                              @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                              Principal user) {
        return written(this.<TaskView>send(new ReopenTaskCommand(id, ETags.parse(ifMatch)), user));
    }

    @DeleteMapping("/{id}")
    public ResponseEntity<Void> delete(@PathVariable String id,
                                       @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                       Principal user) {
        send(new DeleteTaskCommand(id, ETags.parse(ifMatch)), user);
        return ResponseEntity.status(HttpStatus.NO_CONTENT).build();
    }

    private ResponseEntity<TaskView> update(String id, TaskPatch patch, String ifMatch, Principal user) {
        return written(this.<TaskView>send(new UpdateTaskCommand(id, ETags.parse(ifMatch), patch.fields(), patch.values()), user));
    }

    /** Creation handlers answer with the new id only, so the created state is folded from its stored event. */
    private TaskView storedState(String taskId) {
        TaskView[] state = new TaskView[1];
        eventStore.readEvents(taskId).asStream().forEach(event ->
                state[0] = TaskViewFold.apply(state[0], event.getPayload(), event.getSequenceNumber(), event.getTimestamp()));
        return state[0];
    }

    private static ResponseEntity<TaskView> written(TaskView task) {
        return ResponseEntity.ok().eTag(ETags.of(task.version())).body(task);
    }

    /** Sends the command as the authenticated user and waits for the aggregate's answer. */
    private <R> R send(Object command, Principal user) {
        return commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(MetaData.with(MessageMetadata.USER_ID, user.getName())));
    }
}
