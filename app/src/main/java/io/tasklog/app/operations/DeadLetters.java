package io.tasklog.app.operations;

import io.tasklog.api.query.Page;
import io.tasklog.projections.deadletters.CountingEnqueuePolicy;
import io.tasklog.query.paging.InstantIdCursor;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jpa.JpaDeadLetter;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dead-letter queues of all processors for operators: listed page by page straight from the table (Axon's
 * queue API has no paging), retried and evicted through Axon's queue, which keeps a task's letters in order.
 */
public class DeadLetters {

    private static final String COLUMNS = "dead_letter_id, processing_group, sequence_identifier, payload_type,"
            + " event_identifier, cause_type, cause_message, diagnostics, enqueued_at";

    private final EventProcessingConfiguration processing;
    private final JdbcClient jdbc;
    private final Serializer serializer;

    DeadLetters(EventProcessingConfiguration processing, JdbcClient jdbc, Serializer serializer) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    /** Oldest first, {@code limit} per page, optionally of one processor; the cursor is opaque to clients. */
    public Page<DeadLetterView> page(String processor, String cursor, int limit) {
        InstantIdCursor after = cursor == null || cursor.isBlank() ? null : InstantIdCursor.decode(cursor);
        List<DeadLetterView> rows = jdbc.sql("select " + COLUMNS + " from dead_letter_entry"
                        + " where (cast(:processor as varchar) is null or processing_group = :processor)"
                        + " and (cast(:afterAt as timestamptz) is null or (enqueued_at, dead_letter_id) > (:afterAt, :afterId))"
                        + " order by enqueued_at, dead_letter_id limit :limit")
                .param("processor", processor)
                .param("afterAt", after == null ? null : Timestamp.from(after.at()))
                .param("afterId", after == null ? "" : after.id())
                .param("limit", limit + 1)
                .query(this::view).list();
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        DeadLetterView last = rows.get(limit - 1);
        return new Page<>(rows.subList(0, limit), new InstantIdCursor(last.enqueuedAt(), last.id()).encode());
    }

    public Optional<DeadLetterView> find(String id) {
        return jdbc.sql("select " + COLUMNS + " from dead_letter_entry where dead_letter_id = ?").param(id)
                .query(this::view).optional();
    }

    /**
     * Handles the letter's task sequence again, in order, from its first parked event. True when the whole
     * sequence went through; false when it failed again (the letters stay, one more attempt counted).
     */
    public boolean retry(DeadLetterView letter) {
        return processor(letter.processor())
                .process(candidate -> sequenceOf(candidate).equals(letter.sequence()));
    }

    /** Retries every parked sequence of one processor (or of all); answers how many went through and failed. */
    public RetryOutcome retryAll(String processorName) {
        int retried = 0;
        int failed = 0;
        for (String name : processorName == null ? queues() : List.of(processorName)) {
            for (String sequence : sequences(name)) {
                if (processor(name).process(candidate -> sequenceOf(candidate).equals(sequence))) {
                    retried++;
                } else {
                    failed++;
                }
            }
        }
        return new RetryOutcome(retried, failed);
    }

    /** Drops the letter for good: the task's later parked events then move up (and are retried with it). */
    public void evict(DeadLetterView letter) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(letter.processor());
        for (DeadLetter<? extends EventMessage<?>> candidate : queue.deadLetterSequence(letter.sequence())) {
            if (candidate instanceof JpaDeadLetter<?> jpa && jpa.getId().equals(letter.id())) {
                queue.evict(candidate);
                return;
            }
        }
    }

    private List<String> queues() {
        return jdbc.sql("select distinct processing_group from dead_letter_entry").query(String.class).list();
    }

    private List<String> sequences(String processorName) {
        return jdbc.sql("select distinct sequence_identifier from dead_letter_entry where processing_group = ?")
                .param(processorName).query(String.class).list();
    }

    private static String sequenceOf(DeadLetter<?> letter) {
        return letter instanceof JpaDeadLetter<?> jpa ? jpa.getSequenceIdentifier() : "";
    }

    private SequencedDeadLetterProcessor<EventMessage<?>> processor(String name) {
        return processing.sequencedDeadLetterProcessor(name)
                .orElseThrow(() -> new IllegalArgumentException("processor '" + name + "' has no dead-letter queue"));
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(String name) {
        return processing.deadLetterQueue(name)
                .orElseThrow(() -> new IllegalArgumentException("processor '" + name + "' has no dead-letter queue"));
    }

    private DeadLetterView view(ResultSet rs, int row) throws SQLException {
        String type = rs.getString("payload_type");
        String cause = rs.getString("cause_type");
        String message = rs.getString("cause_message");
        return new DeadLetterView(rs.getString("dead_letter_id"), rs.getString("processing_group"),
                rs.getString("sequence_identifier"), type.substring(type.lastIndexOf('.') + 1),
                rs.getString("event_identifier"), cause == null ? null : message == null ? cause : cause + ": " + message,
                attempts(rs.getBytes("diagnostics")), rs.getTimestamp("enqueued_at").toInstant());
    }

    private long attempts(byte[] diagnostics) {
        if (diagnostics == null) {
            return 1;
        }
        MetaData metaData = serializer.deserialize(
                new SimpleSerializedObject<>(diagnostics, byte[].class, MetaData.class.getName(), null));
        return metaData.get(CountingEnqueuePolicy.ATTEMPTS) instanceof Number n ? n.longValue() : 1;
    }

    /** How a bulk retry went. */
    public record RetryOutcome(int retried, int failed) {
    }

}
