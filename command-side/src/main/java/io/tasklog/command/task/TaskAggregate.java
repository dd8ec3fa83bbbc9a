package io.tasklog.command.task;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.tasklog.api.task.CompleteTaskCommand;
import io.tasklog.api.task.CreateTaskCommand;
import io.tasklog.api.task.DeleteTaskCommand;
import io.tasklog.api.task.Recurrence;
import io.tasklog.api.task.ReopenTaskCommand;
import io.tasklog.api.task.TaskCompletedEvent;
import io.tasklog.api.task.TaskCreatedEvent;
import io.tasklog.api.task.TaskDeletedEvent;
import io.tasklog.api.task.TaskDetails;
import io.tasklog.api.task.TaskField;
import io.tasklog.api.task.TaskReopenedEvent;
import io.tasklog.api.task.TaskUpdatedEvent;
import io.tasklog.api.task.UpdateTaskCommand;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A task: decides every change to itself and records it as an event. Command handlers return the
 * aggregate version after the command, which the HTTP layer hands out as the ETag.
 */
@Aggregate(snapshotTriggerDefinition = "taskSnapshotTrigger")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class TaskAggregate {

    /** Metadata key carrying the acting user's id on every command and event. */
    public static final String USER_ID = "userId";

    @AggregateIdentifier
    private String taskId;
    private String ownerId;
    private TaskDetails details;
    private boolean completed;
    private boolean deleted;
    private long version;

    protected TaskAggregate() {
        // Axon rebuilds the aggregate from its events
    }

    @CommandHandler
    public TaskAggregate(CreateTaskCommand command, @MetaDataValue(USER_ID) String userId) {
        if (userId == null) {
            throw new IllegalStateException("CreateTaskCommand without a " + USER_ID + " in its metadata");
        }
        apply(new TaskCreatedEvent(command.taskId(), userId, TaskRules.forCreation(command.details()),
                command.series()));
    }

    @CommandHandler
    public long handle(UpdateTaskCommand command, @MetaDataValue(USER_ID) String userId) {
        requireActionableBy(userId);
        Set<TaskField> fields = EnumSet.noneOf(TaskField.class);
        fields.addAll(command.fields());
        boolean hasDueDate = fields.contains(TaskField.DUE_AT) ? command.values().dueAt() != null : details.dueAt() != null;
        TaskDetails requested = TaskRules.forUpdate(fields, command.values(), hasDueDate);
        requireDueDateForRecurrence(fields, requested);
        fields.removeIf(field -> Objects.equals(details.valueOf(field), requested.valueOf(field)));
        if (!fields.isEmpty()) {
            apply(new TaskUpdatedEvent(taskId, ownerId, fields, requested));
        }
        return version;
    }

    @CommandHandler
    public long handle(CompleteTaskCommand command, @MetaDataValue(USER_ID) String userId, Clock clock) {
        requireActionableBy(userId);
        if (!completed) {
            apply(new TaskCompletedEvent(taskId, ownerId, Instant.now(clock)));
        }
        return version;
    }

    @CommandHandler
    public long handle(ReopenTaskCommand command, @MetaDataValue(USER_ID) String userId) {
        requireActionableBy(userId);
        if (completed) {
            apply(new TaskReopenedEvent(taskId, ownerId));
        }
        return version;
    }

    @CommandHandler
    public long handle(DeleteTaskCommand command, @MetaDataValue(USER_ID) String userId) {
        requireActionableBy(userId);
        apply(new TaskDeletedEvent(taskId, ownerId));
        return version;
    }

    private void requireActionableBy(String userId) {
        if (deleted || !ownerId.equals(userId)) {
            throw new TaskNotFoundException(taskId);
        }
    }

    /** Removing the due date of a recurring task (without removing the recurrence) would orphan the rule. */
    private void requireDueDateForRecurrence(Set<TaskField> fields, TaskDetails requested) {
        Recurrence recurrence = fields.contains(TaskField.RECURRENCE) ? requested.recurrence() : details.recurrence();
        Object dueAt = fields.contains(TaskField.DUE_AT) ? requested.dueAt() : details.dueAt();
        if (recurrence != null && dueAt == null) {
            throw new TaskRuleViolationException("dueAt", "a recurring task needs a due date");
        }
    }

    @EventSourcingHandler
    void on(TaskCreatedEvent event, @SequenceNumber long sequence) {
        taskId = event.taskId();
        ownerId = event.ownerId();
        details = event.details();
        version = sequence;
    }

    @EventSourcingHandler
    void on(TaskUpdatedEvent event, @SequenceNumber long sequence) {
        details = details.withChanges(event.changedFields(), event.values());
        version = sequence;
    }

    @EventSourcingHandler
    void on(TaskCompletedEvent event, @SequenceNumber long sequence) {
        completed = true;
        version = sequence;
    }

    @EventSourcingHandler
    void on(TaskReopenedEvent event, @SequenceNumber long sequence) {
        completed = false;
        version = sequence;
    }

    @EventSourcingHandler
    void on(TaskDeletedEvent event, @SequenceNumber long sequence) {
        deleted = true;
        version = sequence;
    }
}
