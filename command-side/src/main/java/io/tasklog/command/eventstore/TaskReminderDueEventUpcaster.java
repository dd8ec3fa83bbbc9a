package io.tasklog.command.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tasklog.api.task.ReminderKeys;
import io.tasklog.api.task.TaskReminderDueEvent;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * {@link TaskReminderDueEvent} without revision → revision 2: an "upcoming" reminder key gains the lead
 * time ({@code <taskId>:upcoming:<dueAt>} → {@code <taskId>:upcoming:<dueAt>:<remindBeforeMinutes>}), taken
 * from the event's own {@code remindBeforeMinutes}, which is the lead the reminder fired with. Snooze keys
 * keep their form. Without this, a reminder fired before the change would not count as fired under its
 * new key, and would fire (and notify) a second time.
 */
public final class TaskReminderDueEventUpcaster extends SingleEventUpcaster {

    private static final SimpleSerializedType WITHOUT_REVISION =
            new SimpleSerializedType(TaskReminderDueEvent.class.getName(), null);
    private static final SimpleSerializedType REVISION_2 =
            new SimpleSerializedType(TaskReminderDueEvent.class.getName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation event) {
        return WITHOUT_REVISION.equals(event.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
        return event.upcastPayload(REVISION_2, JsonNode.class, TaskReminderDueEventUpcaster::withLeadInKey);
    }

    private static JsonNode withLeadInKey(JsonNode payload) {
        if (!(payload instanceof ObjectNode stored)) {
            return payload;
        }
        ObjectNode event = stored.deepCopy();
        String taskId = event.path("taskId").asText();
        int lead = event.path("remindBeforeMinutes").asInt();
        ReminderKeys.dueAtOfLeadlessUpcoming(taskId, event.path("reminderKey").asText(null))
                .ifPresent(dueAt -> event.put("reminderKey", ReminderKeys.upcoming(taskId, dueAt, lead)));
        return event;
    }
}
