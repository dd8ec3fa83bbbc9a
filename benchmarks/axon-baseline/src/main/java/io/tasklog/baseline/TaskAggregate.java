package io.tasklog.baseline;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The one aggregate: a task created and updated by its owner. The command handlers answer the state after the
 * command, so the HTTP layer answers without any read model. Its version is Axon's (the last event's sequence
 * number); a command with a stale {@code expectedVersion} is refused by Axon's repository.
 */
@Aggregate
public class TaskAggregate {

    public record CreateTask(@TargetAggregateIdentifier String id, String ownerId, String title, String description,
                             String priority, Instant dueAt, List<String> tags) {
    }

    /** The fields named in {@code changed} take the values given (null clears). */
    public record UpdateTask(@TargetAggregateIdentifier String id, @TargetAggregateVersion Long expectedVersion,
                             String ownerId, Set<String> changed, String title, String description, String priority) {
    }

    public record ReadTask(@TargetAggregateIdentifier String id, String ownerId) {
    }

    public record TaskCreated(String id, String ownerId, String title, String description, String priority,
                              Instant dueAt, List<String> tags, Instant at) {
    }

    public record TaskUpdated(String id, Set<String> changed, String title, String description, String priority, Instant at) {
    }

    public record TaskView(String id, String ownerId, String title, String description, String priority, List<String> tags,
                           Instant dueAt, String status, Instant createdAt, Instant updatedAt, long version) {
    }

    /** Another user's task, or none: both are 404. */
    public static class TaskNotFound extends RuntimeException {
        TaskNotFound(String id) {
            super("no task " + id);
        }
    }

    @AggregateIdentifier
    private String id;
    private String ownerId;
    private String title;
    private String description;
    private String priority;
    private Instant dueAt;
    private List<String> tags;
    private Instant createdAt;
    private Instant updatedAt;
    private long version = -1;

    protected TaskAggregate() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public TaskView handle(CreateTask command) {
        apply(new TaskCreated(command.id(), command.ownerId(), command.title(), command.description(), command.priority(),
                command.dueAt(), command.tags(), Instant.now()));
        return view();
    }

    @CommandHandler
    public TaskView handle(UpdateTask command) {
        ownedBy(command.ownerId());
        apply(new TaskUpdated(id, command.changed(), command.title(), command.description(), command.priority(), Instant.now()));
        return view();
    }

    @CommandHandler
    public TaskView handle(ReadTask command) {
        ownedBy(command.ownerId());
        return view();
    }

    private void ownedBy(String userId) {
        if (!ownerId.equals(userId)) {
            throw new TaskNotFound(id);
        }
    }

    @EventSourcingHandler
    void on(TaskCreated event) {
        id = event.id();
        ownerId = event.ownerId();
        title = event.title();
        description = event.description();
        priority = event.priority();
        dueAt = event.dueAt();
        tags = event.tags();
        createdAt = event.at();
        updatedAt = event.at();
        version++;
    }

    @EventSourcingHandler
    void on(TaskUpdated event) {
        title = event.changed().contains("title") ? event.title() : title;
        description = event.changed().contains("description") ? event.description() : description;
        priority = event.changed().contains("priority") ? event.priority() : priority;
        updatedAt = event.at();
        version++;
    }

    private TaskView view() {
        return new TaskView(id, ownerId, title, description, priority, tags, dueAt, "open", createdAt, updatedAt, version);
    }
}
