package io.tasklog.command.task;

import io.tasklog.api.MessageMetadata;
import com.fasterxml.jackson.databind.JsonNode;
import io.tasklog.api.task.TaskView;
import jakarta.validation.Valid;
import java.net.URI;
import java.security.Principal;
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

/**
 * The write half of {@code /api/tasks}: HTTP in and out ({@code If-Match} and {@code ETag} carry the task's
 * version) around {@link TaskCommands}, where every request becomes one command to the Task aggregate.
 */
@RestController
@RequestMapping("/api/tasks")
public class TaskCommandController {

    private final TaskCommands commands;

    public TaskCommandController(TaskCommands commands) {
        this.commands = commands;
    }

    @PostMapping
    public ResponseEntity<TaskView> create(@Valid @RequestBody TaskRequest request, Principal user) {
        TaskView created = commands.create(request.toDetails(), user.getName());
        return ResponseEntity.created(URI.create("/api/tasks/" + created.id())).eTag(ETags.of(created.version())).body(created);
    }

    @PatchMapping(path = "/{id}", consumes = {"application/json", "application/merge-patch+json"})
    public ResponseEntity<TaskView> patch(@PathVariable String id, @RequestBody JsonNode body,
                                             @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                             Principal user) {
        return written(commands.update(id, body, ETags.parse(ifMatch), user.getName()));
    }

    @PutMapping("/{id}")
    public ResponseEntity<TaskView> replace(@PathVariable String id, @Valid @RequestBody TaskRequest request,
                                               @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                               Principal user) {
        return written(commands.replace(id, request, ETags.parse(ifMatch), user.getName()));
    }

    @PostMapping("/{id}/complete")
    public ResponseEntity<TaskView> complete(@PathVariable String id,
                                                @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                                Principal user) {
        return written(commands.complete(id, ETags.parse(ifMatch), user.getName()));
    }

    @PostMapping("/{id}/reopen")
    public ResponseEntity<TaskView> reopen(@PathVariable String id,
                                              @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                              Principal user) {
        return written(commands.reopen(id, ETags.parse(ifMatch), user.getName()));
    }

    @DeleteMapping("/{id}")
    public ResponseEntity<Void> delete(@PathVariable String id,
                                       @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                       Principal user) {
        commands.delete(id, ETags.parse(ifMatch), user.getName());
        return ResponseEntity.status(HttpStatus.NO_CONTENT).build();
    }

    private static ResponseEntity<TaskView> written(TaskView task) {
        return ResponseEntity.ok().eTag(ETags.of(task.version())).body(task);
    }
}
