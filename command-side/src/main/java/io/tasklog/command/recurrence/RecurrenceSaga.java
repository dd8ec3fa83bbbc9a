package io.tasklog.command.recurrence;

import static io.tasklog.api.MessageMetadata.USER_ID;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.tasklog.api.task.CreateTaskCommand;
import io.tasklog.api.task.RecordNextOccurrenceCommand;
import io.tasklog.api.task.Recurrence;
import io.tasklog.api.task.RecurrenceAnchor;
import io.tasklog.api.task.SeriesLink;
import io.tasklog.api.task.TaskCompletedEvent;
import io.tasklog.api.task.TaskBecameRecurringEvent;
import io.tasklog.api.task.TaskDeletedEvent;
import io.tasklog.api.task.TaskDetails;
import io.tasklog.api.task.TaskField;
import io.tasklog.api.task.TaskUpdatedEvent;
import io.tasklog.command.task.TaskRules;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * One saga per recurring series: when the current occurrence is completed it creates the next one,
 * inheriting the task's content and linking it to its series and predecessor. The next task's id is
 * derived from the series and the occurrence number, so a redelivered completion can never create a
 * second task. Starts when a task becomes recurring ({@link TaskBecameRecurringEvent}, so a plain task costs
 * no saga at all) and ends when COUNT/UNTIL is reached, the recurrence is removed, or the task is deleted.
 */
@Saga
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class RecurrenceSaga {

    static final String TASK_ID = "taskId";

    @Autowired
    private transient CommandGateway commands;

    private String seriesId;
    private String ownerId;
    private String currentTaskId;
    private int occurrenceNumber;
    private TaskDetails details;
    /** The occurrence the rule is currently anchored at, and how many occurrences came before it. */
    private Instant anchorDue;
    private int occurrencesBeforeAnchor;

    /**
     * Starts a series when a task becomes recurring (created so, or given a recurrence by an edit). For a later
     * occurrence the saga of its series is already associated with it, and this continues it.
     */
    @StartSaga
    @SagaEventHandler(associationProperty = TASK_ID)
    public void on(TaskBecameRecurringEvent event) {
        ownerId = event.ownerId();
        currentTaskId = event.taskId();
        details = event.details();
        seriesId = event.series().seriesId();
        occurrenceNumber = event.series().occurrenceNumber();
        if (anchorDue == null) {
            reanchor();
        }
    }

    @SagaEventHandler(associationProperty = TASK_ID)
    public void on(TaskUpdatedEvent event) {
        if (!event.taskId().equals(currentTaskId)) {
            return;
        }
        details = details.withChanges(event.changedFields(), event.values());
        if (details.recurrence() == null) {
            SagaLifecycle.end();
        } else if (event.changedFields().contains(TaskField.RECURRENCE) || event.changedFields().contains(TaskField.DUE_AT)) {
            reanchor();
        }
    }

    @SagaEventHandler(associationProperty = TASK_ID)
    public void on(TaskCompletedEvent event) {
        if (!event.taskId().equals(currentTaskId)) {
            return; // a redelivery, or an earlier occurrence reopened and completed again
        }
        Optional<Instant> next = nextDue(event.completedAt());
        if (next.isEmpty()) {
            SagaLifecycle.end();
            return;
        }
        int nextNumber = occurrenceNumber + 1;
        String nextTaskId = occurrenceId(seriesId, nextNumber);
        String previous = currentTaskId;
        SagaLifecycle.associateWith(TASK_ID, nextTaskId);
        SagaLifecycle.removeAssociationWith(TASK_ID, previous);
        currentTaskId = nextTaskId;
        occurrenceNumber = nextNumber;
        TaskDetails inherited = new TaskDetails(details.title(), details.description(), details.priority(),
                details.tags(), next.get(), details.timeZone(), details.remindBeforeMinutes(), details.recurrence());
        send(new CreateTaskCommand(nextTaskId, inherited, new SeriesLink(seriesId, previous, nextNumber)));
        send(new RecordNextOccurrenceCommand(previous, nextTaskId, next.get()));
    }

    @EndSaga
    @SagaEventHandler(associationProperty = TASK_ID)
    public void on(TaskDeletedEvent event) {
        // the series ends with its current occurrence
    }

    /** The id of occurrence {@code number} of a series: the same inputs always give the same task. */
    static String occurrenceId(String seriesId, int number) {
        return UUID.nameUUIDFromBytes((seriesId + "#" + number).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private Optional<Instant> nextDue(Instant completedAt) {
        Recurrence recurrence = details.recurrence();
        RecurrenceRule rule = RecurrenceRule.parse(recurrence.rrule());
        ZoneId zone = ZoneId.of(details.timeZone());
        int soFar = occurrenceNumber - occurrencesBeforeAnchor;
        Optional<Instant> next = recurrence.anchor() == RecurrenceAnchor.COMPLETION
                ? rule.nextAfterCompletion(completedAt, details.dueAt(), zone, soFar)
                : rule.nextAfter(anchorDue, details.dueAt(), zone, soFar);
        // a due date no task may have would be refused for ever (and retried for ever): the series ends there
        return next.filter(due -> !due.isAfter(TaskRules.LATEST_DUE));
    }

    /** The rule (or the due date) changed: the series continues from the current occurrence. */
    private void reanchor() {
        anchorDue = details.dueAt();
        occurrencesBeforeAnchor = occurrenceNumber - 1;
    }

    /**
     * Waits for the command's outcome: a rejected command fails this event's handling, which rolls back the
     * saga's move to the next occurrence and is retried by the processor, instead of ending the series silently.
     * (Commands run in the processor's transaction, so the next task and the saga's state commit together.)
     */
    private void send(Object command) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(MetaData.with(USER_ID, ownerId)));
    }
}
