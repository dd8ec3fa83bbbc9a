package io.tasklog.command.streaming;

import io.cloudevents.CloudEvent;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;
import org.axonframework.messaging.MetaData;

/**
 * Restores the aggregate sequence number of events read back from CloudEvents. Axon Kafka 4.9 writes it
 * as extension {@code axonmessageaggregateseq}, but in binary mode the extension comes back as text and
 * the extension's reader turns anything but a {@code Long} into 0 — which would make every event look
 * like the task's first, and break the projections' idempotency-by-version.
 */
final class SequencePreservingConverter implements KafkaMessageConverter<String, CloudEvent> {

    static final String AGGREGATE_SEQ = "axonmessageaggregateseq";

    private static final Pattern VALID_EXTENSION = Pattern.compile("[a-z0-9]{1,20}");

    private final KafkaMessageConverter<String, CloudEvent> delegate;
    private final Set<String> mappedKeys;

    SequencePreservingConverter(KafkaMessageConverter<String, CloudEvent> delegate, Set<String> mappedKeys) {
        this.delegate = delegate;
        this.mappedKeys = Set.copyOf(mappedKeys);
    }

    @Override
    public ProducerRecord<String, CloudEvent> createKafkaMessage(EventMessage<?> eventMessage, String topic) {
        return delegate.createKafkaMessage(eventMessage.withMetaData(publishable(eventMessage.getMetaData())), topic);
    }

    /**
     * Only metadata that can travel as CloudEvents extensions: mapped keys, or names that are valid as they
     * are. One unexpected key (say, from a framework component) would otherwise stop publishing for good.
     */
    private MetaData publishable(MetaData metaData) {
        Map<String, Object> kept = new HashMap<>();
        metaData.forEach((key, value) -> {
            if (mappedKeys.contains(key) || VALID_EXTENSION.matcher(key).matches()) {
                kept.put(key, value);
            }
        });
        return MetaData.from(kept);
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
