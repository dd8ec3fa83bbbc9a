package io.tasklog.app.operations;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads the event store in global order, a chunk at a time, straight from {@code domain_event_entry} with
 * plain JDBC (no entity materialisation), and deserialises through the same serializer and upcasters as
 * Axon does. A partial rebuild reads only the events of the tasks listed for it.
 */
final class StoredEventChunks {

    private static final String COLUMNS = "e.global_index, e.type, e.aggregate_identifier, e.sequence_number,"
            + " e.event_identifier, e.time_stamp, e.payload_type, e.payload_revision, e.payload, e.meta_data";

    private final JdbcClient jdbc;
    private final Serializer serializer;
    private final EventUpcaster upcasters;

    StoredEventChunks(JdbcClient jdbc, Serializer serializer, EventUpcaster upcasters) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.upcasters = upcasters;
    }

    long headIndex() {
        return jdbc.sql("select coalesce(max(global_index), -1) from domain_event_entry").query(Long.class).single();
    }

    /** How many events a rebuild will fold (of one group's listed tasks, or all). */
    long count(String group, boolean listedTasksOnly, long upTo) {
        return jdbc.sql("select count(*) from domain_event_entry e" + join(listedTasksOnly) + " where e.global_index <= :upTo")
                .param("group", group).param("upTo", upTo).query(Long.class).single();
    }

    /**
     * The next events after {@code afterIndex} (at most {@code limit}), and the global index of the last one. Each
     * event's payload and timestamp (what a fold uses) are deserialised here, not lazily on first use, so that a
     * dry run does the same work as a rebuild minus the fold; metadata stays lazy (no fold reads it).
     */
    Chunk next(String group, boolean listedTasksOnly, long afterIndex, long upTo, int limit) {
        long start = System.nanoTime();
        List<GenericDomainEventEntry<byte[]>> rows = new ArrayList<>(limit);
        long[] last = {afterIndex};
        jdbc.sql("select " + COLUMNS + " from domain_event_entry e" + join(listedTasksOnly)
                        + " where e.global_index > :after and e.global_index <= :upTo order by e.global_index limit :limit")
                .param("group", group).param("after", afterIndex).param("upTo", upTo).param("limit", limit)
                .query((rs, n) -> {
                    last[0] = rs.getLong(1);
                    return rows.add(new GenericDomainEventEntry<>(rs.getString(2), rs.getString(3), rs.getLong(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getBytes(9),
                            rs.getBytes(10)));
                }).list();
        long read = System.nanoTime();
        List<? extends DomainEventMessage<?>> events = rows.isEmpty() ? List.of()
                : EventStreamUtils.asStream(EventStreamUtils.upcastAndDeserializeDomainEvents(rows.stream(), serializer,
                        upcasters)).toList();
        for (DomainEventMessage<?> event : events) {
            event.getPayload();
            event.getTimestamp();
        }
        return new Chunk(events, rows.size(), last[0], read - start, System.nanoTime() - read);
    }

    private static String join(boolean listedTasksOnly) {
        return listedTasksOnly ? " join projection_rebuild_task t on t.processing_group = :group"
                + " and t.task_id = e.aggregate_identifier" : "";
    }

    /**
     * Deserialised events, how many rows they came from, the global index of the last row, and the time spent
     * reading the rows and deserialising them.
     */
    record Chunk(List<? extends DomainEventMessage<?>> events, int rows, long lastIndex, long readNanos,
                 long deserialiseNanos) {
    }
}
