package io.tasklog.command.streaming;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.tasklog.api.task.TaskEventTypes;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;

/**
 * Gives each task event on {@code task-events} its stable external name ({@link TaskEventTypes}) as CloudEvents
 * {@code type}, where Axon's converter writes the Java class name; reading maps the name back to the class
 * before Axon's converter deserializes (and upcasts: the payload revision travels in its own extension).
 * Records whose type is a Java class name — everything published before the names existed — read as they are.
 *
 * <p>Writing the names can be switched off ({@code tasklog.kafka.external-type-names=false}) for the
 * rollout that introduces them: nodes of the previous release read only Java class names, and would skip
 * the records a new node publishes, for good.
 */
final class ExternalTypeNameConverter implements KafkaMessageConverter<String, CloudEvent> {

    private final KafkaMessageConverter<String, CloudEvent> delegate;
    private final boolean writeExternalNames;

    ExternalTypeNameConverter(KafkaMessageConverter<String, CloudEvent> delegate, boolean writeExternalNames) {
        this.delegate = delegate;
        this.writeExternalNames = writeExternalNames;
    }

    @Override
    public ProducerRecord<String, CloudEvent> createKafkaMessage(EventMessage<?> eventMessage, String topic) {
        ProducerRecord<String, CloudEvent> record = delegate.createKafkaMessage(eventMessage, topic);
        Optional<String> name = writeExternalNames
                ? TaskEventTypes.nameOfJavaType(record.value().getType()) : Optional.empty();
        return name.map(type -> new ProducerRecord<>(record.topic(), record.partition(), record.timestamp(),
                        record.key(), withType(record.value(), type), record.headers()))
                .orElse(record);
    }

    @Override
    public Optional<EventMessage<?>> readKafkaMessage(ConsumerRecord<String, CloudEvent> record) {
        CloudEvent event = record.value();
        Optional<String> javaType = event == null ? Optional.empty() : TaskEventTypes.javaTypeOf(event.getType());
        return delegate.readKafkaMessage(javaType
                .map(type -> new ConsumerRecord<>(record.topic(), record.partition(), record.offset(),
                        record.timestamp(), record.timestampType(), record.serializedKeySize(),
                        record.serializedValueSize(), record.key(), withType(event, type), record.headers(),
                        record.leaderEpoch()))
                .orElse(record));
    }

    private static CloudEvent withType(CloudEvent event, String type) {
        return CloudEventBuilder.v1(event).withType(type).build();
    }
}
