package io.tasklog.app.operations;

import io.tasklog.projections.config.Projections;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The state of every event processor across the cluster: tokens and dead letters are read from PostgreSQL
 * (never claimed), heads from the event store and Kafka; running/error come from this instance's processor.
 */
public class ProcessorMonitor {

    private final EventProcessingConfiguration processing;
    private final JdbcClient jdbc;
    private final Serializer serializer;
    private final TokenPositions positions;

    ProcessorMonitor(EventProcessingConfiguration processing, JdbcClient jdbc, Serializer serializer,
                     TokenPositions positions) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.positions = positions;
    }

    public List<ProcessorStatus> all() {
        return all(snapshot());
    }

    /** Every processor's status and every segment's lag, from one read of the tokens and the heads. */
    public Sample sample() {
        Snapshot snapshot = snapshot();
        return new Sample(all(snapshot), lagPerSegment(snapshot));
    }

    private List<ProcessorStatus> all(Snapshot snapshot) {
        return processing.eventProcessors().values().stream()
                .sorted(Comparator.comparing(EventProcessor::getName))
                .map(processor -> status(processor, snapshot)).toList();
    }

    public Optional<ProcessorStatus> one(String name) {
        return processing.eventProcessor(name).map(processor -> status(processor, snapshot()));
    }

    private static Map<String, Map<Integer, Long>> lagPerSegment(Snapshot snapshot) {
        Map<String, Map<Integer, Long>> lags = new TreeMap<>();
        snapshot.tokens().forEach(token -> lags.computeIfAbsent(token.processor(), p -> new TreeMap<>())
                .put(token.segment(), lagOf(token, snapshot)));
        return lags;
    }

    public Map<String, Long> deadLettersPerProcessor() {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.sql("select processing_group, count(*) from dead_letter_entry group by processing_group")
                .query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2))).list();
        return counts;
    }

    private ProcessorStatus status(EventProcessor processor, Snapshot snapshot) {
        List<StoredToken> tokens = snapshot.tokens().stream().filter(t -> t.processor().equals(processor.getName())).toList();
        long lag = tokens.stream().mapToLong(token -> lagOf(token, snapshot)).sum();
        boolean replaying = tokens.stream().anyMatch(token -> ReplayToken.isReplay(token.token()))
                || (processor instanceof StreamingEventProcessor streaming && streaming.isReplaying());
        return new ProcessorStatus(processor.getName(), state(processor, replaying), replaying, tokens.size(), lag,
                snapshot.deadLetters().getOrDefault(processor.getName(), 0L), null);
    }

    private static String state(EventProcessor processor, boolean replaying) {
        if (processor.isError()) {
            return ProcessorStatus.ERROR;
        }
        if (!processor.isRunning()) {
            return ProcessorStatus.STOPPED;
        }
        return replaying ? ProcessorStatus.REPLAYING : ProcessorStatus.RUNNING;
    }

    private static long lagOf(StoredToken token, Snapshot snapshot) {
        return TokenPositions.lag(token.token(), Projections.isProjection(token.processor()), snapshot.heads());
    }

    private Snapshot snapshot() {
        List<StoredToken> tokens = new ArrayList<>(jdbc.sql(
                        "select processor_name, segment, token, token_type from token_entry order by processor_name, segment")
                .query((rs, n) -> new StoredToken(rs.getString(1), rs.getInt(2), token(rs.getBytes(3), rs.getString(4))))
                .list());
        return new Snapshot(tokens, positions.heads(), deadLettersPerProcessor());
    }

    private TrackingToken token(byte[] bytes, String type) {
        return bytes == null ? null
                : serializer.deserialize(new SimpleSerializedObject<>(bytes, byte[].class, type, null));
    }

    /** Statuses and the lag of each processor's segments (processor → segment → events behind). */
    public record Sample(List<ProcessorStatus> statuses, Map<String, Map<Integer, Long>> lagPerSegment) {
    }

    private record StoredToken(String processor, int segment, TrackingToken token) {
    }

    private record Snapshot(List<StoredToken> tokens, TokenPositions.Heads heads, Map<String, Long> deadLetters) {
    }
}
