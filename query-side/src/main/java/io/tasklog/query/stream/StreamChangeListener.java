package io.tasklog.query.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tasklog.api.query.WatchChangesQuery;
import io.tasklog.api.stream.StreamChange;
import io.tasklog.api.stream.Topics;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds this instance's stream subscribers. Axon's subscription-query updates only reach the JVM that
 * emits them, so every instance reads all of {@code task-updates} in a consumer group of its own and
 * emits each change to its local subscribers of that user. Recent-events signals are not changes of the
 * stream's log: they go to this instance's MCP sessions instead, as a local application event.
 */
@Component
public class StreamChangeListener {

    private static final Logger log = LoggerFactory.getLogger(StreamChangeListener.class);

    private final QueryUpdateEmitter emitter;
    private final ObjectMapper mapper;
    private final ApplicationEventPublisher local;

    public StreamChangeListener(QueryUpdateEmitter emitter, ObjectMapper mapper, ApplicationEventPublisher local) {
        this.emitter = emitter;
        this.mapper = mapper;
        this.local = local;
    }

    @KafkaListener(id = "stream-changes", topics = "${tasklog.kafka.task-updates-topic:" + Topics.TASK_UPDATES + "}", groupId = "#{@streamInstance.consumerGroup()}",
            properties = {"auto.offset.reset=latest", "enable.auto.commit=true"})
    public void on(String record) {
        StreamChange change;
        try {
            change = mapper.readValue(record, StreamChange.class);
        } catch (JsonProcessingException e) {
            log.warn("Skipping an unreadable change record: {}", e.getOriginalMessage());
            return;
        }
        if (StreamChange.RECENT_EVENTS_CHANGED.equals(change.kind())) {
            local.publishEvent(change);
            return;
        }
        emitter.emit(WatchChangesQuery.class, query -> query.userId().equals(change.userId()), change);
    }
}
