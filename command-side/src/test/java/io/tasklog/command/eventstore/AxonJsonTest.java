package io.tasklog.command.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tasklog.api.task.Recurrence;
import io.tasklog.api.task.RecurrenceAnchor;
import io.tasklog.api.task.TaskCompletedEvent;
import io.tasklog.api.task.TaskDetails;
import io.tasklog.api.task.TaskField;
import io.tasklog.api.task.TaskPriority;
import io.tasklog.api.task.TaskReminderDueEvent;
import io.tasklog.api.task.TaskUpdatedEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.junit.jupiter.api.Test;

class AxonJsonTest {

    private final Serializer serializer = AxonJson.serializer(new AnnotationRevisionResolver(), getClass().getClassLoader());

    /** Byte for byte what the first releases stored (Axon then used the web ObjectMapper): old nodes read it. */
    @Test
    void writesTheFormatEventsHaveAlwaysBeenStoredIn() {
        TaskUpdatedEvent event = new TaskUpdatedEvent("t1", "u1", Set.of(TaskField.DUE_AT),
                new TaskDetails(null, null, TaskPriority.HIGH, List.of("home"), Instant.parse("2025-03-15T08:30:00.123456Z"),
                        null, 15, new Recurrence("FREQ=DAILY", RecurrenceAnchor.COMPLETION)));

        SerializedObject<byte[]> stored = serializer.serialize(event, byte[].class);

        assertThat(new String(stored.getData(), StandardCharsets.UTF_8)).isEqualTo("""
                {"taskId":"t1","ownerId":"u1","changedFields":["due_at"],"values":{"title":null,"description":null,\
                "priority":"high","tags":["home"],"dueAt":"2025-03-15T08:30:00.123456Z","timeZone":null,\
                "remindBeforeMinutes":15,"recurrence":{"rrule":"FREQ=DAILY","anchor":"completion"}}}""");
        assertThat(stored.getType().getName()).isEqualTo(TaskUpdatedEvent.class.getName());
        assertThat(stored.getType().getRevision()).isNull();
    }

    /** A field a newer release added, or this release removed, must not make an event unreadable. */
    @Test
    void ignoresUnknownPropertiesAndToleratesMissingOnes() {
        assertThat(read(TaskCompletedEvent.class, null, """
                {"taskId":"t1","ownerId":"u1","completedAt":"2025-03-14T15:59:58.5Z","reason":{"kind":"new"}}"""))
                .isEqualTo(new TaskCompletedEvent("t1", "u1", Instant.parse("2025-03-14T15:59:58.5Z")));
        assertThat(read(TaskReminderDueEvent.class, "2", """
                {"taskId":"t1","reminderKey":"k"}"""))
                .isEqualTo(new TaskReminderDueEvent("t1", null, null, null, null, 0, "k"));
        assertThat(read(TaskUpdatedEvent.class, null, """
                {"taskId":"t1","ownerId":"u1"}""").changedFields()).isEmpty();
    }

    @Test
    void readsEnumsInAnyCaseAndInstantsAsTextOrEpochSeconds() {
        TaskUpdatedEvent event = read(TaskUpdatedEvent.class, null, """
                {"taskId":"t1","ownerId":"u1","changedFields":["due_at","PRIORITY","Title"],
                 "values":{"priority":"URGENT","dueAt":1741968000,"recurrence":{"rrule":"FREQ=DAILY","anchor":"Due"}}}""");

        assertThat(event.changedFields()).containsExactlyInAnyOrder(TaskField.DUE_AT, TaskField.PRIORITY, TaskField.TITLE);
        assertThat(event.values().priority()).isEqualTo(TaskPriority.URGENT);
        assertThat(event.values().dueAt()).isEqualTo(Instant.parse("2025-03-14T16:00:00Z"));
        assertThat(event.values().recurrence().anchor()).isEqualTo(RecurrenceAnchor.DUE);
    }

    /** An unknown constant has no value it could safely stand for: fail rather than guess. */
    @Test
    void anUnknownEnumConstantFails() {
        assertThatThrownBy(() -> read(TaskUpdatedEvent.class, null, """
                {"taskId":"t1","ownerId":"u1","changedFields":["colour"],"values":{}}"""))
                .isInstanceOf(SerializationException.class);
    }

    private <T> T read(Class<T> type, String revision, String json) {
        return serializer.deserialize(new SimpleSerializedObject<>(json.getBytes(StandardCharsets.UTF_8), byte[].class,
                new SimpleSerializedType(type.getName(), revision)));
    }
}
