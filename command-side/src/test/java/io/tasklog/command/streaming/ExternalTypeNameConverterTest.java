package io.tasklog.command.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.tasklog.api.task.TaskCompletedEvent;
import io.tasklog.api.task.TaskReminderDueEvent;
import io.tasklog.command.eventstore.AxonJson;
import io.tasklog.command.eventstore.TaskEventUpcasters;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;
import org.axonframework.extensions.kafka.eventhandling.cloudevent.CloudEventKafkaMessageConverter;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.junit.jupiter.api.Test;

class ExternalTypeNameConverterTest {

    private static final Instant AT = Instant.parse("2025-03-14T16:00:00Z");
    private final KafkaMessageConverter<String, CloudEvent> axon = CloudEventKafkaMessageConverter.builder()
            .serializer(AxonJson.serializer(new AnnotationRevisionResolver(), getClass().getClassLoader()))
            .upcasterChain(TaskEventUpcasters.chain())
            .build();

    @Test
    void publishesTheExternalNameAndReadsItBackAsTheEvent() {
        var converter = new ExternalTypeNameConverter(axon, true);
        EventMessage<?> completed = new GenericDomainEventMessage<>("TaskAggregate", "t1", 4,
                new TaskCompletedEvent("t1", "u1", AT));

        CloudEvent published = converter.createKafkaMessage(completed, "task-events").value();

        assertThat(published.getType()).isEqualTo("io.tasklog.task.completed.v1");
        EventMessage<?> read = converter.readKafkaMessage(record(published)).orElseThrow();
        assertThat(read.getPayload()).isEqualTo(completed.getPayload());
        assertThat(read.getIdentifier()).isEqualTo(completed.getIdentifier());
    }

    @Test
    void canStillPublishJavaTypeNamesForARolloutFromAnOlderRelease() {
        var converter = new ExternalTypeNameConverter(axon, false);
        EventMessage<?> completed = new GenericDomainEventMessage<>("TaskAggregate", "t1", 4,
                new TaskCompletedEvent("t1", "u1", AT));

        assertThat(converter.createKafkaMessage(completed, "task-events").value().getType())
                .isEqualTo(TaskCompletedEvent.class.getName());
    }

    /** A record published before the external names (and before revision 2): Java type, no revision. */
    @Test
    void recordsPublishedUnderJavaTypeNamesStayReadableAndAreUpcast() {
        var converter = new ExternalTypeNameConverter(axon, true);
        CloudEvent legacy = CloudEventBuilder.v1()
                .withId("e1").withSource(URI.create("/tasklog/tasks")).withTime(AT.atOffset(ZoneOffset.UTC))
                .withType(TaskReminderDueEvent.class.getName())
                .withExtension("axonmessageaggregateid", "t1").withExtension("axonmessageaggregatetype", "TaskAggregate")
                .withExtension("axonmessageaggregateseq", 3L)
                .withData("""
                        {"taskId":"t1","ownerId":"u1","title":"Water","dueAt":"2025-03-14T16:00:00Z",\
                        "timeZone":"Europe/Berlin","remindBeforeMinutes":30,"reminderKey":"t1:upcoming:2025-03-14T16:00:00Z"}"""
                        .getBytes(StandardCharsets.UTF_8))
                .build();

        EventMessage<?> read = converter.readKafkaMessage(record(legacy)).orElseThrow();

        assertThat(read).isInstanceOf(DomainEventMessage.class);
        assertThat(((TaskReminderDueEvent) read.getPayload()).reminderKey()).isEqualTo("t1:upcoming:2025-03-14T16:00:00Z:30");
    }

    private static ConsumerRecord<String, CloudEvent> record(CloudEvent value) {
        return new ConsumerRecord<>("task-events", 0, 42, "t1", value);
    }
}
