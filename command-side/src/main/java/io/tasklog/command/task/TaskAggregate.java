package io.tasklog.command.task;

import static io.tasklog.api.MessageMetadata.USER_ID;
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
import io.tasklog.api.task.NextOccurrenceCreatedEvent;
import io.tasklog.api.task.RecordNextOccurrenceCommand;
import io.tasklog.api.task.SnoozeReminderCommand;
import io.tasklog.api.task.SeriesLink;
import io.tasklog.api.task.TaskBecameOverdueEvent;
import io.tasklog.api.task.TaskBecameRecurringEvent;
import io.tasklog.api.task.TaskEvent;
import io.tasklog.api.task.TaskReminderDueEvent;
import io.tasklog.api.task.TaskReminderSnoozedEvent;
import io.tasklog.api.task.TaskStatus;
import io.tasklog.api.task.TaskUpdatedEvent;
import io.tasklog.api.task.TaskView;
import io.tasklog.api.task.TaskViewFold;
import io.tasklog.api.task.UpdateTaskCommand;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A task: decides every change to itself and records it as an event. Command handlers return the
 * task's state after the command (its version is the HTTP ETag), so a writer reads its own write.
 */
@Aggregate(snapshotTriggerDefinition = "taskSnapshotTrigger")
// Snapshots of another revision are ignored (the task is folded from its events instead): revision 2 keeps
// upcoming-reminder keys with their lead time, and the task's place in its series.
@Revision("2")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class TaskAggregate {

    @AggregateIdentifier
    private String taskId;
    /** The task as its owner sees it, folded from the events exactly as the read side folds them. */
    private TaskView state;
    private boolean deleted;
    /** Keys of the reminders already given, so that none is given twice (see {@link TaskReminders}). */
    private Set<String> firedReminders = new HashSet<>();
    private String nextOccurrenceId;
    /** Where this task stands in its recurring series; null until it first became recurring. */
    private SeriesLink series;

    protected TaskAggregate() {
        // Axon rebuilds the aggregate from its events
    }

    /**
     * A creation handler that answers with the new task's state, like every other handler: the writer reads its
     * own write without folding it again from the event store. (Axon answers a constructor handler with the id.)
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public TaskView handle(CreateTaskCommand command, @MetaDataValue(USER_ID) String userId,
                           DeadlineManager deadlines, Clock clock) {
        if (userId == null) {
            throw new IllegalStateException("CreateTaskCommand without a " + USER_ID + " in its metadata");
        }
        apply(new TaskCreatedEvent(command.taskId(), userId, TaskRules.forCreation(command.details()),
                command.series()));
        if (repeatsWithoutASeriesYet()) {
            apply(becameRecurring());
        }
        TaskReminders.schedule(deadlines, state, firedReminders, clock.instant());
        return state;
    }

    @CommandHandler
    public TaskView handle(UpdateTaskCommand command, @MetaDataValue(USER_ID) String userId,
                           DeadlineManager deadlines, Clock clock) {
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
        if (details.recurrence() == null && repeatsWithoutASeriesYet()) {
            apply(becameRecurring());
        }
        if (fields.contains(TaskField.DUE_AT) || fields.contains(TaskField.REMIND_BEFORE_MINUTES)) {
            TaskReminders.schedule(deadlines, state, firedReminders, clock.instant());
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
    public TaskView handle(ReopenTaskCommand command, @MetaDataValue(USER_ID) String userId,
                           DeadlineManager deadlines, Clock clock) {
        requireActionableBy(userId);
        if (state.status() == TaskStatus.COMPLETED) {
            apply(new TaskReopenedEvent(taskId, state.ownerId()));
            TaskReminders.schedule(deadlines, state, firedReminders, clock.instant());
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

    @CommandHandler
    public TaskView handle(SnoozeReminderCommand command, @MetaDataValue(USER_ID) String userId,
                           DeadlineManager deadlines, Clock clock) {
        requireActionableBy(userId);
        if (command.minutes() < 1 || command.minutes() > TaskRules.MAX_REMIND_BEFORE_MINUTES) {
            throw new TaskRuleViolationException("minutes",
                    "minutes must be between 1 and " + TaskRules.MAX_REMIND_BEFORE_MINUTES);
        }
        if (state.status() != TaskStatus.OPEN) {
            throw new TaskRuleViolationException("task", "a completed task has nothing to be reminded of");
        }
        Instant until = clock.instant().plus(Duration.ofMinutes(command.minutes()));
        deadlines.schedule(until, TaskReminders.SNOOZED,
                new TaskReminders.SnoozedReminder(state.dueAt(), until, command.notificationId()));
        apply(new TaskReminderSnoozedEvent(taskId, state.ownerId(), command.notificationId(), until));
        return state;
    }

    /**
     * Idempotent: a redelivered link changes nothing. Allowed on a completed task (that is when it happens), and
     * a no-op on a task deleted since it was completed: the link is the saga's record, and refusing it would
     * fail the saga's handling of the completion over and over (the next occurrence exists all the same).
     */
    @CommandHandler
    public TaskView handle(RecordNextOccurrenceCommand command, @MetaDataValue(USER_ID) String userId) {
        if (deleted) {
            return null;
        }
        requireActionableBy(userId);
        if (!command.nextTaskId().equals(nextOccurrenceId)) {
            apply(new NextOccurrenceCreatedEvent(taskId, state.ownerId(), command.nextTaskId(), command.nextDueAt()));
        }
        return state;
    }

    /**
     * The task has a recurrence but no series runs from it: it was just created or given one. A task whose
     * series already went on past it (a next occurrence exists) must not start a second series.
     */
    private boolean repeatsWithoutASeriesYet() {
        return state.recurrence() != null && nextOccurrenceId == null;
    }

    /** Starts the series at this task, or continues the one it is an occurrence of. */
    private TaskBecameRecurringEvent becameRecurring() {
        SeriesLink position = series != null ? series : new SeriesLink(taskId, null, 1);
        return new TaskBecameRecurringEvent(taskId, state.ownerId(), TaskViewFold.details(state), position);
    }

    @DeadlineHandler(deadlineName = TaskReminders.UPCOMING)
    void remindOfUpcoming(TaskReminders.ReminderDeadline deadline) {
        String key = TaskReminders.upcomingKey(taskId, state.dueAt(), state.remindBeforeMinutes());
        if (isOpen() && deadline.stillHoldsFor(state) && state.remindBeforeMinutes() > 0
                && !firedReminders.contains(key)) {
            apply(new TaskReminderDueEvent(taskId, state.ownerId(), state.title(), state.dueAt(), state.timeZone(),
                    state.remindBeforeMinutes(), key));
        }
    }

    @DeadlineHandler(deadlineName = TaskReminders.OVERDUE)
    void markOverdue(TaskReminders.ReminderDeadline deadline) {
        String key = TaskReminders.overdueKey(taskId, deadline.dueAt());
        if (isOpen() && Objects.equals(state.dueAt(), deadline.dueAt()) && !firedReminders.contains(key)) {
            apply(new TaskBecameOverdueEvent(taskId, state.ownerId(), state.title(), state.dueAt(), state.timeZone(), key));
        }
    }

    @DeadlineHandler(deadlineName = TaskReminders.SNOOZED)
    void remindAgain(TaskReminders.SnoozedReminder snoozed) {
        String key = TaskReminders.snoozeKey(taskId, snoozed.until());
        if (isOpen() && Objects.equals(state.dueAt(), snoozed.dueAt()) && !firedReminders.contains(key)) {
            apply(new TaskReminderDueEvent(taskId, state.ownerId(), state.title(), state.dueAt(), state.timeZone(),
                    state.remindBeforeMinutes(), key));
        }
    }

    /** Only an open task that still exists reminds anyone of anything. */
    private boolean isOpen() {
        return !deleted && state.status() == TaskStatus.OPEN;
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
        if (event instanceof TaskCreatedEvent created) {
            series = created.series();
        } else if (event instanceof TaskBecameRecurringEvent recurring) {
            series = recurring.series();
        } else if (event instanceof NextOccurrenceCreatedEvent next) {
            nextOccurrenceId = next.nextTaskId();
        } else if (event instanceof TaskReminderDueEvent reminder) {
            firedReminders.add(reminder.reminderKey());
        } else if (event instanceof TaskBecameOverdueEvent overdue) {
            firedReminders.add(overdue.reminderKey());
        }
        if (!deleted) {
            state = TaskViewFold.apply(state, event, sequence, at);
        }
    }
}
