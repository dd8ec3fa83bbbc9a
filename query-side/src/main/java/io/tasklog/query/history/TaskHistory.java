package io.tasklog.query.history;

import io.tasklog.api.MessageMetadata;
import io.tasklog.api.query.Page;

import io.tasklog.api.task.NextOccurrenceCreatedEvent;
import io.tasklog.api.task.TaskBecameOverdueEvent;
import io.tasklog.api.task.TaskBecameRecurringEvent;
import io.tasklog.api.task.TaskReminderDueEvent;
import io.tasklog.api.task.TaskChanges;
import io.tasklog.api.task.TaskView;
import io.tasklog.api.task.TaskViewFold;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.stereotype.Service;

/** The audit trail of a task and its state at any past instant, both folded from the stored events. */
@Service
public class TaskHistory {

    private static final String SYSTEM_ACTOR = "system";

    private final StoredTaskEvents events;

    public TaskHistory(StoredTaskEvents events) {
        this.events = events;
    }

    /** Events with sequence number ≥ {@code from}, at most {@code limit} of them, each with its field changes. */
    public Page<HistoryItem> page(String taskId, String userId, long from, int limit) {
        List<HistoryItem> items = new ArrayList<>();
        TaskView state = null;
        String next = null;
        for (DomainEventMessage<?> event : events.of(taskId, userId)) {
            TaskView after = TaskViewFold.apply(state, event.getPayload(), event.getSequenceNumber(), event.getTimestamp());
            if (event.getSequenceNumber() >= from && shown(event)) {
                if (items.size() == limit) {
                    next = Long.toString(event.getSequenceNumber());
                    break;
                }
                items.add(item(event, state, after));
            }
            state = after;
        }
        return new Page<>(items, next);
    }

    /** The task as it was at {@code asOf}: every event stored at or before that instant, folded. */
    public TaskView asOf(String taskId, String userId, Instant asOf) {
        TaskView state = null;
        boolean existed = false;
        for (DomainEventMessage<?> event : events.of(taskId, userId)) {
            if (event.getTimestamp().isAfter(asOf)) {
                break;
            }
            state = TaskViewFold.apply(state, event.getPayload(), event.getSequenceNumber(), event.getTimestamp());
            existed = true;
        }
        if (state == null) {
            throw new TaskHistoryNotFoundException(existed
                    ? "The task was deleted at " + asOf : "The task did not exist yet at " + asOf);
        }
        return state;
    }

    /**
     * "Became recurring" is recorded by the same command as the create or edit that gave the task its
     * recurrence, whose item already shows that change: listing it again would only repeat it.
     */
    private static boolean shown(DomainEventMessage<?> event) {
        return !(event.getPayload() instanceof TaskBecameRecurringEvent);
    }

    private static HistoryItem item(DomainEventMessage<?> event, TaskView before, TaskView after) {
        // reminders are fired by the system's deadlines, whoever last scheduled them
        boolean systemEvent = event.getPayload() instanceof TaskReminderDueEvent
                || event.getPayload() instanceof TaskBecameOverdueEvent;
        Object actor = systemEvent ? null : event.getMetaData().get(MessageMetadata.USER_ID);
        Map<String, TaskChanges.FieldChange> changes = new LinkedHashMap<>(TaskChanges.between(before, after));
        if (event.getPayload() instanceof NextOccurrenceCreatedEvent next) {
            changes.put("nextOccurrenceId", new TaskChanges.FieldChange(null, next.nextTaskId()));
            changes.put("nextOccurrenceDueAt", new TaskChanges.FieldChange(null, next.nextDueAt()));
        }
        return new HistoryItem(event.getIdentifier(), typeOf(event.getPayloadType()), event.getTimestamp(),
                actor == null ? SYSTEM_ACTOR : actor.toString(), event.getSequenceNumber(), changes);
    }

    /** {@code TaskReminderDueEvent} → {@code reminderDue}. */
    static String typeOf(Class<?> payloadType) {
        String name = payloadType.getSimpleName().replaceFirst("^Task", "").replaceFirst("Event$", "");
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
