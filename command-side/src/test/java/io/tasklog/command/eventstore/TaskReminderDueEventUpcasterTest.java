package io.tasklog.command.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import io.tasklog.api.task.ReminderKeys;
import io.tasklog.api.task.TaskCompletedEvent;
import io.tasklog.api.task.TaskReminderDueEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;

/** Reminder keys stored before revision 2 are read in today's format (through the serializer and the chain). */
class TaskReminderDueEventUpcasterTest {

    private static final Instant DUE = Instant.parse("2025-03-14T16:00:00Z");

    private final Serializer serializer = AxonJson.serializer(new AnnotationRevisionResolver(), getClass().getClassLoader());

    @Test
    void anUpcomingKeyWithoutLeadTimeGetsTheLeadTheReminderFiredWith() {
        TaskReminderDueEvent event = (TaskReminderDueEvent) read(TaskReminderDueEvent.class, null, reminder(45, "t1:upcoming:" + DUE));

        assertThat(event.reminderKey()).isEqualTo("t1:upcoming:2025-03-14T16:00:00Z:45")
                .isEqualTo(ReminderKeys.upcoming("t1", DUE, 45));
        assertThat(event.remindBeforeMinutes()).isEqualTo(45);
        assertThat(event.dueAt()).isEqualTo(DUE);
    }

    @Test
    void snoozeKeysAndKeysAlreadyInTheNewFormatStayAsTheyAre() {
        assertThat(readKey(null, "t1:snoozed:2025-03-14T15:45:00Z")).isEqualTo("t1:snoozed:2025-03-14T15:45:00Z");
        assertThat(readKey("2", "t1:upcoming:2025-03-14T16:00:00Z:45")).isEqualTo("t1:upcoming:2025-03-14T16:00:00Z:45");
        assertThat(readKey(null, "t1:upcoming:2025-03-14T16:00:00Z:45")).isEqualTo("t1:upcoming:2025-03-14T16:00:00Z:45");
        assertThat(readKey(null, "t9:upcoming:2025-03-14T16:00:00Z")).as("another task's key")
                .isEqualTo("t9:upcoming:2025-03-14T16:00:00Z");
    }

    @Test
    void otherEventsPassUntouched() {
        assertThat(read(TaskCompletedEvent.class, null, """
                {"taskId":"t1","ownerId":"u1","completedAt":"2025-03-14T15:00:00Z"}"""))
                .isEqualTo(new TaskCompletedEvent("t1", "u1", Instant.parse("2025-03-14T15:00:00Z")));
    }

    private String readKey(String revision, String key) {
        return ((TaskReminderDueEvent) read(TaskReminderDueEvent.class, revision, reminder(45, key))).reminderKey();
    }

    private static String reminder(int lead, String key) {
        return """
                {"taskId":"t1","ownerId":"u1","title":"Water","dueAt":"%s","timeZone":"Europe/Berlin",\
                "remindBeforeMinutes":%d,"reminderKey":"%s"}""".formatted(DUE, lead, key);
    }

    private Object read(Class<?> type, String revision, String payload) {
        var stored = new GenericDomainEventEntry<>("TaskAggregate", "t1", 3, "e1", DUE.toString(), type.getName(),
                revision, payload.getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8));
        DomainEventMessage<?> event = EventStreamUtils.upcastAndDeserializeDomainEvents(
                Stream.of(stored), serializer, TaskEventUpcasters.chain()).next();
        return event.getPayload();
    }
}
