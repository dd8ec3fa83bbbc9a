package io.tasklog.app.operations;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.KafkaTrackingToken;

/**
 * How far behind the head of its source a processor's token is. Event-store tokens are compared with the
 * store's head index; Kafka tokens (the projections) with the end offsets of topic {@code task-events}.
 */
final class TokenPositions {

    private final EventStore eventStore;
    private final Admin kafka;
    private final String topic;

    TokenPositions(EventStore eventStore, Admin kafka, String topic) {
        this.eventStore = eventStore;
        this.kafka = kafka;
        this.topic = topic;
    }

    /** The heads of both sources, read once per status snapshot. */
    Heads heads() {
        return new Heads(indexOf(eventStore.createHeadToken()), endOffsets());
    }

    /** Events between the token and the head of its source; a token that has not started counts everything. */
    static long lag(TrackingToken stored, boolean fromKafka, Heads heads) {
        TrackingToken token = stored == null ? null : WrappedToken.unwrapLowerBound(stored);
        if (fromKafka) {
            return kafkaLag(token instanceof KafkaTrackingToken k ? k.getPositions() : Map.of(), heads.endOffsets());
        }
        return Math.max(0, heads.storeIndex() - indexOf(token));
    }

    private static long kafkaLag(Map<TopicPartition, Long> consumed, Map<TopicPartition, Long> ends) {
        long lag = 0;
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            Long position = consumed.get(end.getKey());
            // a token holds the offset of the last record handled; the end offset is the next one to come
            lag += Math.max(0, end.getValue() - (position == null ? 0 : position + 1));
        }
        return lag;
    }

    private static long indexOf(TrackingToken token) {
        if (token instanceof GapAwareTrackingToken gapAware) {
            return gapAware.getIndex();
        }
        if (token instanceof GlobalSequenceTrackingToken global) {
            return global.getGlobalIndex();
        }
        return token == null ? -1 : token.position().orElse(-1);
    }

    /** End offsets of the topic; empty when the broker cannot be asked right now (lag then reads 0). */
    private Map<TopicPartition, Long> endOffsets() {
        try {
            List<TopicPartition> partitions = kafka.describeTopics(List.of(topic)).allTopicNames().get(5, TimeUnit.SECONDS)
                    .get(topic).partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            partitions.forEach(p -> latest.put(p, OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> offsets =
                    kafka.listOffsets(latest).all().get(5, TimeUnit.SECONDS);
            Map<TopicPartition, Long> ends = new HashMap<>();
            offsets.forEach((partition, info) -> ends.put(partition, info.offset()));
            return ends;
        } catch (ExecutionException | TimeoutException e) {
            return Map.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of();
        }
    }

    record Heads(long storeIndex, Map<TopicPartition, Long> endOffsets) {
    }
}
