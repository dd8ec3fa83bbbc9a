package io.tasklog.app;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.tasklog.app.support.IntegrationTest;
import io.tasklog.app.support.TestInfrastructure;
import io.tasklog.projections.taskview.TaskViewProjection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The event store is the outbox, and projections are idempotent and resumable. */
class StreamingResilienceIT extends IntegrationTest {

    private static final Duration CONVERGE = Duration.ofSeconds(90);

    @Autowired
    private EventProcessingConfiguration processing;

    @Test
    void writesSucceedWhileKafkaIsDownAndTheViewConvergesAfterwards() {
        String token = api.newUser();
        TestInfrastructure.kafka().stop();
        List<String> ids = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                var created = api.post("/api/tasks", token, "{\"title\":\"Written offline " + i + "\"}");
                assertThat(created.status()).as(created.body()).isEqualTo(201);
                ids.add(created.json().get("id").asText());
            }
            assertThat(api.post("/api/tasks/" + ids.get(0) + "/complete", token, null).status()).isEqualTo(200);
        } finally {
            TestInfrastructure.kafka().start();
        }
        await().atMost(CONVERGE).untilAsserted(() -> {
            var list = api.get("/api/tasks?status=all", token).json().get("items");
            assertThat(list).hasSize(5);
        });
        await().atMost(CONVERGE).untilAsserted(() -> assertThat(api.get("/api/tasks/" + ids.get(0), token).json().get("status").asText())
                .isEqualTo("completed"));
    }

    @Test
    void aRestartedProjectionResumesFromItsTokenAndARedeliveryChangesNothing() {
        String token = api.newUser();
        String kept = api.createTask(token, "{\"title\":\"Before the stop\"}");
        await().atMost(CONVERGE).untilAsserted(() -> assertThat(api.get("/api/tasks/" + kept, token).status()).isEqualTo(200));

        TrackingEventProcessor projection = processing
                .eventProcessor(TaskViewProjection.PROCESSING_GROUP, TrackingEventProcessor.class).orElseThrow();
        projection.shutDown();
        String whileStopped = api.createTask(token, "{\"title\":\"While stopped\"}");
        api.patch("/api/tasks/" + kept, token, "{\"title\":\"Renamed while stopped\"}");
        assertThat(api.get("/api/tasks/" + whileStopped, token).status()).isEqualTo(404);
        projection.start();

        await().atMost(CONVERGE).untilAsserted(() -> assertThat(api.get("/api/tasks/" + whileStopped, token).status()).isEqualTo(200));
        await().atMost(CONVERGE).untilAsserted(() -> assertThat(api.get("/api/tasks/" + kept, token).json().get("title").asText())
                .isEqualTo("Renamed while stopped"));
        long changes = streamEventsOf(token);
        assertThat(changes).as("one change record per event").isEqualTo(3);

        // Redeliver everything: replay the processor from the start of the topic.
        projection.shutDown();
        projection.resetTokens();
        projection.start();
        await().atMost(CONVERGE).untilAsserted(() -> assertThat(projection.processingStatus().values())
                .allMatch(status -> !status.isReplaying()));
        assertThat(streamEventsOf(token)).isEqualTo(changes);
        assertThat(api.get("/api/tasks/" + kept, token).json().get("version").asLong()).isEqualTo(1);
        assertThat(api.get("/api/tasks?status=all", token).json().get("items")).hasSize(2);
    }

    private long streamEventsOf(String token) {
        return jdbc.sql("select count(*) from stream_event where user_id = :u").param("u", userIdOf(token))
                .query(Long.class).single();
    }
}
