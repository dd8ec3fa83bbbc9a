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
import io.tasklog.api.task.TaskEvent;
import io.tasklog.api.task.TaskStatus;
import io.tasklog.api.task.TaskUpdatedEvent;
import io.tasklog.api.task.TaskView;
import io.tasklog.api.task.TaskViewFold;
import io.tasklog.api.task.UpdateTaskCommand;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A task: decides every change to itself and records it as an event. Command handlers return the
 * task's state after the command (its version is the HTTP ETag), so a writer reads its own write.
 */
@Aggregate(snapshotTriggerDefinition = "taskSnapshotTrigger")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class TaskAggregate {

    /** Metadata key carrying the acting user's id on every command and event. */
    public static final String USER_ID = "userId";

    @AggregateIdentifier
    private String taskId;
    /** The task as its owner sees it, folded from the events exactly as the read side folds them. */
    private TaskView state;
    private boolean deleted;

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
    public TaskView handle(UpdateTaskCommand command, @MetaDataValue(USER_ID) String userId) {
        requireActionableBy(userId);
        Set<TaskField> fields = EnumSet.noneOf(TaskField.class);
        fields.addAll(command.fields());
        TaskDetails details = TaskViewFold.details(state);
        boolean hasDueDate = fields.contains(TaskField.DUE_AT) ? command.values().dueAt() != null : details.dueAt() != null;
        TaskDetails requested = TaskRules.forUpdate(fields, command.values(), hasDueDate);
        requireDueDateForRecurrence(fields, requested, details);
        fields.removeIf(field -> Objects.equals(details.valueOf(field), requested.valueOf(field)));
        if (!fields.isEmpty()) {
            apply(new TaskUpdatedEvent(taskId, state.ownerId(), fields, requested));
        }
        return state;
    }

    @CommandHandler
    public TaskView handle(CompleteTaskCommand command, @MetaDataValue(USER_ID) String userId, Clock clock) {
        requireActionableBy(userId);
        if (state.status() == TaskStatus.OPEN) {
            apply(new TaskCompletedEvent(taskId, state.ownerId(), Instant.now(clock)));
        }
        return state;
    }

    @CommandHandler
    public TaskView handle(ReopenTaskCommand command, @MetaDataValue(USER_ID) String userId) {
        requireActionableBy(userId);
        if (state.status() == TaskStatus.COMPLETED) {
            apply(new TaskReopenedEvent(taskId, state.ownerId()));
        }
        return state;
    }

    @CommandHandler
    public TaskView handle(DeleteTaskCommand command, @MetaDataValue(USER_ID) String userId) {
        requireActionableBy(userId);
        TaskView last = state;
        apply(new TaskDeletedEvent(taskId, state.ownerId()));
        return last;
    }

    private void requireActionableBy(String userId) {
        if (deleted || !state.ownerId().equals(userId)) {
            throw new TaskNotFoundException(taskId);
        }
    }

    /** Removing the due date of a recurring task (without removing the recurrence) would orphan the rule. */
    private static void requireDueDateForRecurrence(Set<TaskField> fields, TaskDetails requested, TaskDetails details) {
        Recurrence recurrence = fields.contains(TaskField.RECURRENCE) ? requested.recurrence() : details.recurrence();
        Object dueAt = fields.contains(TaskField.DUE_AT) ? requested.dueAt() : details.dueAt();
        if (recurrence != null && dueAt == null) {
            throw new TaskRuleViolationException("dueAt", "a recurring task needs a due date");
        }
    }

    /** Every event moves the state the same way the read side moves it. */
    @EventSourcingHandler
    void on(TaskEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        taskId = event.taskId();
        deleted = deleted || event instanceof TaskDeletedEvent;
        if (!deleted) {
            state = TaskViewFold.apply(state, event, sequence, at);
        }
    }
}
