package io.tasklog.command.streaming;

import io.cloudevents.CloudEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.tracing.SpanFactory;

/**
 * Publishes every stored event to {@code task-events}. Runs in the tracking processor
 * {@value #PROCESSING_GROUP} over the event store (the store is the outbox). Records of a processor
 * batch are sent back to back and their acknowledgements awaited once, before the batch commits and the
 * processor's token moves on; a failed send rolls the batch back and it is published again (consumers
 * are idempotent). Axon's own publisher waits for each event's acknowledgement before sending the next,
 * which capped it at one broker round trip per event (docs/benchmarks.md).
 *
 * <p>Each record carries the trace context of this publisher's handling of the event (CloudEvents
 * extension {@code traceparent}), so the projections continue the trace of the command that caused it.
 */
@ProcessingGroup(TaskEventsKafkaPublisher.PROCESSING_GROUP)
@DisallowReplay
public class TaskEventsKafkaPublisher {

    /** Axon's name for its Kafka publisher's group, kept so that existing tokens carry over. */
    public static final String PROCESSING_GROUP = "__axon-kafka-event-publishing-group";
    private static final String PENDING = TaskEventsKafkaPublisher.class.getName() + ".pending";

    private final Producer<String, CloudEvent> producer;
    private final KafkaMessageConverter<String, CloudEvent> converter;
    private final String topic;
    private final long ackTimeoutMillis;
    private final SpanFactory spans;

    public TaskEventsKafkaPublisher(Producer<String, CloudEvent> producer,
                                    KafkaMessageConverter<String, CloudEvent> converter,
                                    String topic, long ackTimeoutMillis, SpanFactory spans) {
        this.producer = producer;
        this.converter = converter;
        this.topic = topic;
        this.ackTimeoutMillis = ackTimeoutMillis;
        this.spans = spans;
    }

    @EventHandler
    void publish(Object payload, EventMessage<?> event) {
        // the stored traceparent is the command's; the record gets this handling span's (a no-op without tracing)
        EventMessage<?> traced = spans.propagateContext(event);
        Future<RecordMetadata> sent = producer.send(converter.createKafkaMessage(traced, topic));
        pendingOfThisBatch().add(sent);
    }

    private List<Future<RecordMetadata>> pendingOfThisBatch() {
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(PENDING, key -> {
            List<Future<RecordMetadata>> pending = new ArrayList<>();
            batch.onPrepareCommit(unit -> awaitAcknowledgements(pending));
            return pending;
        });
    }

    private void awaitAcknowledgements(List<Future<RecordMetadata>> pending) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ackTimeoutMillis);
        try {
            for (Future<RecordMetadata> ack : pending) {
                ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaPublicationException("interrupted while waiting for Kafka", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaPublicationException("Kafka did not acknowledge the batch; it will be published again", e);
        }
    }

    /** A batch could not be published; the processor retries it. */
    public static class KafkaPublicationException extends RuntimeException {
        KafkaPublicationException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
