package io.tasklog.app;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import io.tasklog.api.task.TaskDetails;
import io.tasklog.api.task.TaskField;
import io.tasklog.api.task.TaskUpdatedEvent;
import io.tasklog.app.support.IntegrationTest;
import io.tasklog.command.streaming.TaskEventsKafkaPublisher;
import io.tasklog.projections.taskview.TaskViewProjection;
import java.time.Duration;
import java.util.Set;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.KafkaTrackingToken;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * The task view folds a task's events strictly in version order: an event that skips versions (a real gap
 * on topic task-events, made here by publishing a stored event while the publisher is held back) makes it
 * re-fold the task from the event store, and nothing published after a deletion brings the task back.
 */
class TaskViewGapIT extends IntegrationTest {

    private static final Duration SOON = Duration.ofSeconds(30);

    @Autowired
    private EventProcessingConfiguration processing;
    @Autowired
    private EventStore eventStore;
    @Autowired
    private KafkaMessageConverter<String, CloudEvent> converter;
    @Autowired
    private Producer<String, CloudEvent> producer;
    @Value("${axon.kafka.default-topic}")
    private String topic;

    @Test
    void anEventAheadOfTheViewMakesItRefoldTheTaskFromTheEventStore() throws Exception {
        String token = api.newUser();
        String id = api.createTask(token, "{\"title\":\"v0\",\"description\":\"first\"}");
        await().atMost(SOON).untilAsserted(() -> assertThat(api.get("/api/tasks/" + id, token).status()).isEqualTo(200));

        TrackingEventProcessor publisher = processor(TaskEventsKafkaPublisher.PROCESSING_GROUP);
        publisher.shutDown();
        try {
            api.patch("/api/tasks/" + id, token, "{\"description\":\"changed by version 1\"}");
            api.patch("/api/tasks/" + id, token, "{\"title\":\"changed by version 2\"}");
            // version 2 reaches the topic, version 1 does not: folding 2 onto 0 would lose version 1's change
            publish(stored(id, 2));

            await().atMost(SOON).untilAsserted(() -> {
                JsonNode view = api.get("/api/tasks/" + id, token).json();
                assertThat(view.get("version").asLong()).isEqualTo(2);
                assertThat(view.get("title").asText()).isEqualTo("changed by version 2");
                assertThat(view.get("description").asText()).isEqualTo("changed by version 1");
            });
        } finally {
            publisher.start();
        }

        // versions 1 and 2 now arrive as redeliveries; the next edit is folded in as usual
        api.post("/api/tasks/" + id + "/complete", token, null);
        await().atMost(SOON).untilAsserted(() -> assertThat(api.get("/api/tasks/" + id, token).json().get("status").asText())
                .isEqualTo("completed"));
        JsonNode view = api.get("/api/tasks/" + id, token).json();
        assertThat(view.get("version").asLong()).isEqualTo(3);
        assertThat(view.get("description").asText()).isEqualTo("changed by version 1");
    }

    @Test
    void noEventAfterADeletionBringsTheTaskBack() throws Exception {
        String token = api.newUser();
        String id = api.createTask(token, "{\"title\":\"Gone for good\"}");
        api.delete("/api/tasks/" + id, token);
        await().atMost(SOON).untilAsserted(() -> assertThat(api.get("/api/tasks/" + id, token).status()).isEqualTo(404));
        await().atMost(SOON).untilAsserted(() -> assertThat(jdbc.sql("select deleted from task_view where id = :id").param("id", id)
                .query(Boolean.class).optional()).contains(true));

        DomainEventMessage<?> creation = stored(id, 0);
        DomainEventMessage<?> stray = new GenericDomainEventMessage<>(creation.getType(), id, 7,
                new TaskUpdatedEvent(id, ((io.tasklog.api.task.TaskEvent) creation.getPayload()).ownerId(),
                        Set.of(TaskField.TITLE), new TaskDetails("Back from the dead", null, null, null, null, null,
                        null, null)), MetaData.from(creation.getMetaData()));
        publish(creation);
        RecordMetadata last = publish(stray);

        awaitTaskViewPast(last);
        assertThat(api.get("/api/tasks/" + id, token).status()).isEqualTo(404);
        assertThat(api.get("/api/tasks?status=all", token).json().get("items")).isEmpty();
    }

    private DomainEventMessage<?> stored(String taskId, long sequence) {
        return eventStore.readEvents(taskId, sequence).asStream()
                .filter(event -> event.getSequenceNumber() == sequence).findFirst().orElseThrow();
    }

    private RecordMetadata publish(DomainEventMessage<?> event) throws Exception {
        return producer.send(converter.createKafkaMessage(event, topic)).get();
    }

    /** The positive signal that the task view has handled the record (and everything before it). */
    private void awaitTaskViewPast(RecordMetadata record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        TrackingEventProcessor taskView = processor(TaskViewProjection.PROCESSING_GROUP);
        await().atMost(SOON).untilAsserted(() -> assertThat(taskView.processingStatus().values()).anySatisfy(status ->
                assertThat(WrappedToken.unwrap(status.getTrackingToken(), KafkaTrackingToken.class)
                        .map(token -> token.getPositions().getOrDefault(partition, -1L)).orElse(-1L))
                        .isGreaterThanOrEqualTo(record.offset())));
    }

    private TrackingEventProcessor processor(String group) {
        return processing.eventProcessor(group, TrackingEventProcessor.class).orElseThrow();
    }
}
