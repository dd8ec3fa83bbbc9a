package io.tasklog.baseline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tasklog.baseline.TaskAggregate.CreateTask;
import io.tasklog.baseline.TaskAggregate.ReadTask;
import io.tasklog.baseline.TaskAggregate.TaskNotFound;
import io.tasklog.baseline.TaskAggregate.TaskView;
import io.tasklog.baseline.TaskAggregate.UpdateTask;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/tasks}, {@code PATCH /api/tasks/{id}} (If-Match) and {@code GET /api/tasks/{id}}, each one command. */
@RestController
@RequestMapping("/api/tasks")
public class TaskController {

    private static final String PRIORITY = "(?i)none|low|medium|high|urgent";
    private static final Set<String> PATCHABLE = Set.of("title", "description", "priority");

    public record TaskRequest(@NotBlank @Size(max = 200) String title, @Size(max = 10_000) String description,
                              @Pattern(regexp = PRIORITY) String priority, Instant dueAt, @Size(max = 50) List<@Size(max = 40) String> tags) {
    }

    public record TaskPatch(@Pattern(regexp = ".*\\S.*") @Size(max = 200) String title, @Size(max = 10_000) String description,
                            @Pattern(regexp = PRIORITY) String priority) {
    }

    private final CommandGateway commands;
    private final ObjectMapper mapper;
    private final Validator validator;

    public TaskController(CommandGateway commands, ObjectMapper mapper, Validator validator) {
        this.commands = commands;
        this.mapper = mapper;
        this.validator = validator;
    }

    @PostMapping
    public ResponseEntity<TaskView> create(@Valid @RequestBody TaskRequest request, Principal user) {
        String priority = request.priority() == null ? "none" : request.priority().toLowerCase(Locale.ROOT);
        TaskView task = commands.sendAndWait(new CreateTask(UUID.randomUUID().toString(), user.getName(), request.title().strip(),
                request.description(), priority, request.dueAt(), request.tags() == null ? List.of() : request.tags()));
        return ResponseEntity.created(URI.create("/api/tasks/" + task.id())).eTag(eTag(task)).body(task);
    }

    /** A JSON merge patch of title, description and priority; a stale {@code If-Match} is 412. */
    @PatchMapping(path = "/{id}", consumes = {"application/json", "application/merge-patch+json"})
    public ResponseEntity<TaskView> patch(@PathVariable String id, @RequestBody ObjectNode body,
                                          @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                          Principal user) throws Exception {
        Set<String> changed = new HashSet<>();
        body.fieldNames().forEachRemaining(changed::add);
        if (changed.isEmpty() || !PATCHABLE.containsAll(changed)) {
            return ResponseEntity.badRequest().build();
        }
        TaskPatch patch = mapper.treeToValue(body, TaskPatch.class);
        var violations = validator.validate(patch);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        Long expected = ifMatch == null || ifMatch.isBlank() ? null : Long.valueOf(ifMatch.replace("\"", "").strip());
        String priority = patch.priority() == null ? null : patch.priority().toLowerCase(Locale.ROOT);
        TaskView task = commands.sendAndWait(new UpdateTask(id, expected, user.getName(), changed, patch.title(),
                patch.description(), priority));
        return ResponseEntity.ok().eTag(eTag(task)).body(task);
    }

    /** The current state, from the aggregate (the baseline has no read model): what a client re-reads after a 412. */
    @GetMapping("/{id}")
    public ResponseEntity<TaskView> get(@PathVariable String id, Principal user) {
        TaskView task = commands.sendAndWait(new ReadTask(id, user.getName()));
        return ResponseEntity.ok().eTag(eTag(task)).body(task);
    }

    private static String eTag(TaskView task) {
        return "\"" + task.version() + "\"";
    }

    @ExceptionHandler(ConflictingAggregateVersionException.class)
    ProblemDetail stale(ConflictingAggregateVersionException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_FAILED, "the task has changed");
        problem.setProperty("currentVersion", e.getActualVersion());
        return problem;
    }

    @ExceptionHandler({TaskNotFound.class, AggregateNotFoundException.class})
    ProblemDetail notFound(Exception e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no such task");
    }

    @ExceptionHandler({ConstraintViolationException.class, NumberFormatException.class})
    ProblemDetail invalid(Exception e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }
}
