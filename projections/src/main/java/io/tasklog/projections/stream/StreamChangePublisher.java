package io.tasklog.projections.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.context.Context;
import io.tasklog.api.stream.StreamChange;
import io.tasklog.api.stream.Topics;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Announces a read-model change on {@code task-updates} only after the projection's transaction has
 * committed, so a client told about a change always finds it when it reads. The announcement is sent in
 * the trace context of the event handling that made the change (after commit, the processor's batch
 * span would be current instead), so the trace of a command reaches every instance's stream push.
 */
@Component
public class StreamChangePublisher {

    private static final Logger log = LoggerFactory.getLogger(StreamChangePublisher.class);

    private final KafkaTemplate<String, String> kafka;
    private final ObjectMapper mapper;
    private final String topic;

    public StreamChangePublisher(KafkaTemplate<String, String> kafka, ObjectMapper mapper,
                                 @Value("${tasklog.kafka.task-updates-topic:" + Topics.TASK_UPDATES + "}") String topic) {
        this.kafka = kafka;
        this.mapper = mapper;
        this.topic = topic;
    }

    public void publishAfterCommit(StreamChange change) {
        String json = toJson(change);
        Runnable send = () -> kafka.send(topic, change.userId(), json).whenComplete((ok, error) -> {
            if (error != null) {
                // The change is in the view and in stream_event: clients catch up on reconnect (Last-Event-ID).
                log.warn("Could not announce change {} on {}: {}", change.sequence(), topic, error.toString());
            }
        });
        if (CurrentUnitOfWork.isStarted()) {
            Runnable inThisTrace = Context.current().wrap(send);
            CurrentUnitOfWork.get().afterCommit(uow -> inThisTrace.run());
        } else {
            send.run();
        }
    }

    private String toJson(StreamChange change) {
        try {
            return mapper.writeValueAsString(change);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
