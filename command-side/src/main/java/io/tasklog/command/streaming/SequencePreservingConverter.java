package io.tasklog.command.streaming;

import io.cloudevents.CloudEvent;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;

/**
 * Restores the aggregate sequence number of events read back from CloudEvents. Axon Kafka 4.9 writes it
 * as extension {@code axonmessageaggregateseq}, but in binary mode the extension comes back as text and
 * the extension's reader turns anything but a {@code Long} into 0 — which would make every event look
 * like the task's first, and break the projections' idempotency-by-version.
 */
final class SequencePreservingConverter implements KafkaMessageConverter<String, CloudEvent> {

    static final String AGGREGATE_SEQ = "axonmessageaggregateseq";

    private final KafkaMessageConverter<String, CloudEvent> delegate;

    SequencePreservingConverter(KafkaMessageConverter<String, CloudEvent> delegate) {
        this.delegate = delegate;
    }

    @Override
    public ProducerRecord<String, CloudEvent> createKafkaMessage(EventMessage<?> eventMessage, String topic) {
        return delegate.createKafkaMessage(eventMessage, topic);
    }

    @Override
    public Optional<EventMessage<?>> readKafkaMessage(ConsumerRecord<String, CloudEvent> record) {
        return delegate.readKafkaMessage(record).map(message -> withSequence(message, record.value()));
    }

    private static EventMessage<?> withSequence(EventMessage<?> message, CloudEvent cloudEvent) {
        Object sequence = cloudEvent.getExtension(AGGREGATE_SEQ);
        if (!(message instanceof DomainEventMessage<?> domain) || sequence == null) {
            return message;
        }
        long actual = Long.parseLong(sequence.toString());
        if (actual == domain.getSequenceNumber()) {
            return message;
        }
        return restamped(domain, actual);
    }

    private static <T> EventMessage<T> restamped(DomainEventMessage<T> domain, long sequence) {
        return new GenericDomainEventMessage<>(domain.getType(), domain.getAggregateIdentifier(), sequence,
                domain, domain.getTimestamp());
    }
}
