package io.tasklog.app.evolution;

import static org.assertj.core.api.Assertions.assertThat;

import io.tasklog.api.task.TaskCompletedEvent;
import io.tasklog.app.evolution.GoldenEvents.StoredEvent;
import io.tasklog.app.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The golden events, as rows of the real event store on PostgreSQL, read by the application's Axon wiring. */
class GoldenEventsOnPostgresIT extends IntegrationTest {

    @Autowired
    private EventStore eventStore;
    @Autowired
    private PlatformTransactionManager transactions;
    @Autowired
    private org.axonframework.config.Configuration axon;
    @Autowired
    private Serializer serializer;
    @Autowired
    @Qualifier("eventSerializer")
    private Serializer eventSerializer;
    @Autowired
    @Qualifier("messageSerializer")
    private Serializer messageSerializer;

    /**
     * Inserted and read in one transaction that is rolled back, so that neither the Kafka publisher nor the
     * projections ever see these rows (and the global index sequence is not used).
     */
    @Test
    void everyGoldenEventReadsBackThroughTheJpaEventStoreAndItsUpcasters() {
        List<StoredEvent> golden = GoldenEvents.all();
        new TransactionTemplate(transactions).executeWithoutResult(transaction -> {
            transaction.setRollbackOnly();
            long globalIndex = -1_000_000;
            for (StoredEvent stored : golden) {
                insert(globalIndex--, stored);
            }
            for (StoredEvent stored : golden) {
                DomainEventMessage<?> read = eventStore.readEvents(stored.aggregateIdentifier()).asStream()
                        .filter(event -> event.getIdentifier().equals(stored.eventIdentifier())).findFirst().orElseThrow();
                assertThat(read.getPayload()).as(stored.file()).isEqualTo(GoldenEvents.EXPECTED.get(stored.file()));
                assertThat(read.getSequenceNumber()).isEqualTo(stored.sequenceNumber());
                assertThat(read.getTimestamp()).isEqualTo(Instant.parse(stored.timestamp()));
            }
        });
    }

    /** Events, snapshots, sagas, tokens and deadlines all go through the one lenient serializer. */
    @Test
    void axonUsesTheLenientStoredDataSerializerEverywhere() {
        assertThat(eventSerializer).isSameAs(serializer);
        assertThat(messageSerializer).isSameAs(serializer);
        assertThat(axon.serializer()).isSameAs(serializer);
        assertThat(axon.eventSerializer()).isSameAs(serializer);
        assertThat(axon.messageSerializer()).isSameAs(serializer);
        // the web ObjectMapper fails on unknown properties; stored data must not
        Object read = serializer.deserialize(new SimpleSerializedObject<>("""
                {"taskId":"t1","ownerId":"u1","completedAt":"2025-03-14T15:00:00Z","addedLater":true}"""
                .getBytes(StandardCharsets.UTF_8), byte[].class,
                new SimpleSerializedType(TaskCompletedEvent.class.getName(), null)));
        assertThat(read).isEqualTo(new TaskCompletedEvent("t1", "u1", Instant.parse("2025-03-14T15:00:00Z")));
    }

    private void insert(long globalIndex, StoredEvent stored) {
        jdbc.sql("""
                insert into domain_event_entry (global_index, aggregate_identifier, sequence_number, type,
                    event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp)
                values (:globalIndex, :aggregate, :sequence, :type, :id, :metaData, :payload, :revision, :payloadType, :at)""")
                .param("globalIndex", globalIndex)
                .param("aggregate", stored.aggregateIdentifier())
                .param("sequence", stored.sequenceNumber())
                .param("type", stored.aggregateType())
                .param("id", stored.eventIdentifier())
                .param("metaData", stored.metaData())
                .param("payload", stored.payload())
                .param("revision", stored.payloadRevision())
                .param("payloadType", stored.payloadType())
                .param("at", stored.timestamp())
                .update();
    }
}
