package io.tasklog.app;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.tasklog.app.support.ApiClient;
import io.tasklog.app.support.AppInstance;
import io.tasklog.app.support.IntegrationTest;
import io.tasklog.app.support.SseClient;
import io.tasklog.app.support.TestInfrastructure;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two application instances on one PostgreSQL and one broker: a client streaming from instance B sees a
 * change written through instance A (and projected by whichever instance holds the projection's token).
 */
class TwoInstancesIT extends IntegrationTest {

    private ConfigurableApplicationContext instanceB;
    private ApiClient apiB;

    @BeforeEach
    void startSecondInstance() {
        instanceB = AppInstance.start("tasklog", "");
        apiB = AppInstance.client(instanceB);
        AppInstance.awaitStreamListener(instanceB);
    }

    @AfterEach
    void stopSecondInstance() {
        if (instanceB != null && instanceB.isActive()) {
            instanceB.close();
        }
    }

    @Test
    void aClientOnInstanceBSeesAChangeWrittenThroughInstanceA() throws Exception {
        String token = api.newUser();
        try (SseClient onB = new SseClient(apiB.baseUrl(), token, null).awaitConnected()) {
            String id = api.createTask(token, "{\"title\":\"Written on A\"}");
            SseClient.Event event = onB.await(e -> id.equals(e.json().path("taskId").asText()), Duration.ofSeconds(20));
            assertThat(event.json().get("task").get("title").asText()).isEqualTo("Written on A");
        }
    }

    @Test
    void eachReminderFiresExactlyOnceWithTwoInstancesPolling() {
        String token = api.newUser();
        java.time.Instant due = java.time.Instant.now().plusSeconds(3);
        java.util.List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ids.add(api.createTask(token, "{\"title\":\"Due soon " + i + "\",\"dueAt\":\"" + due
                    + "\",\"remindBeforeMinutes\":1}"));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                api.get("/api/notifications?limit=100", token).json().get("items")).hasSize(20));
        for (String id : ids) {
            long overdue = jdbc.sql("select count(*) from domain_event_entry where aggregate_identifier = :id "
                    + "and payload_type like '%TaskBecameOverdueEvent'").param("id", id).query(Long.class).single();
            long upcoming = jdbc.sql("select count(*) from domain_event_entry where aggregate_identifier = :id "
                    + "and payload_type like '%TaskReminderDueEvent'").param("id", id).query(Long.class).single();
            assertThat(overdue).as("overdue events of " + id).isEqualTo(1);
            assertThat(upcoming).as("upcoming events of " + id).isEqualTo(1);
        }
    }

    @Test
    void anInstanceWithOpenStreamsShutsDownPromptly() throws Exception {
        String token = api.newUser();
        try (SseClient onB = new SseClient(apiB.baseUrl(), token, null).awaitConnected()) {
            long start = System.nanoTime();
            instanceB.close();
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(took).isLessThan(Duration.ofSeconds(15));
        }
    }
}
