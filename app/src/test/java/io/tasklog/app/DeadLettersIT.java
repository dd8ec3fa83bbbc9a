package io.tasklog.app;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tasklog.app.support.ApiClient.Response;
import io.tasklog.app.support.IntegrationTest;
import io.tasklog.app.support.PoisonedTaskView;
import io.tasklog.app.support.PrometheusScrape;
import io.tasklog.app.support.SseClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A poisoned event is parked, its task's later events wait behind it, everybody else's updates keep flowing
 * live; once the fault is gone, a retry drains the queue and the view equals a fresh fold of the store.
 */
class DeadLettersIT extends IntegrationTest {

    private static final Duration SOON = Duration.ofSeconds(30);

    @BeforeEach
    void streamListenerAssigned() {
        awaitStreamListener();
    }

    @AfterEach
    void disarm() {
        PoisonedTaskView.ARMED.set(false);
    }

    @Test
    void onlyAdminsReachTheAdminApi() {
        String user = api.newUser();
        Response forbidden = api.get("/api/admin/processors", user);
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("problem+json"));
        assertThat(api.get("/api/admin/dead-letters", user).status()).isEqualTo(403);
        assertThat(api.post("/api/admin/processors/task-view/replay", user, "{}").status()).isEqualTo(403);
        assertThat(api.get("/api/admin/processors", null).status()).isEqualTo(401);

        JsonNode processors = api.get("/api/admin/processors", api.admin()).json();
        assertThat(processors).extracting(p -> p.get("name").asText())
                .contains("task-view", "notifications", "RecurrenceSagaProcessor");
        assertThat(processors).allSatisfy(p -> assertThat(p.get("status").asText()).isIn("running", "replaying"));
        assertThat(api.get("/api/admin/processors/no-such-processor", api.admin()).status()).isEqualTo(404);
    }

    @Test
    void aPoisonedTaskWaitsInTheQueueWhileOthersFlowAndARetryAfterTheFixConvergesToTheStore() throws Exception {
        String alice = api.newUser();
        String bob = api.newUser();
        String admin = api.admin();
        PoisonedTaskView.ARMED.set(true);
        try (SseClient aliceStream = new SseClient(api.baseUrl(), alice, null).awaitConnected();
             SseClient bobStream = new SseClient(api.baseUrl(), bob, null).awaitConnected()) {
            String sqlPoisoned = api.createTask(alice, "{\"title\":\"Bills " + PoisonedTaskView.SQL_POISON + "\"}");
            String javaPoisoned = api.createTask(alice, "{\"title\":\"Tax " + PoisonedTaskView.JAVA_POISON + "\"}");
            assertThat(api.patch("/api/tasks/" + sqlPoisoned, alice, "{\"priority\":\"high\"}").status()).isEqualTo(200);

            // both creations are parked, and the later edit of the first waits behind its creation
            List<JsonNode> letters = await().atMost(SOON).until(() -> letters(admin, "task-view"),
                    all -> sequences(all).containsAll(List.of(sqlPoisoned, javaPoisoned))
                            && all.stream().filter(l -> l.get("sequence").asText().equals(sqlPoisoned)).count() == 2);
            JsonNode first = letters.stream().filter(l -> l.get("sequence").asText().equals(sqlPoisoned)).findFirst().orElseThrow();
            assertThat(first.get("eventType").asText()).isEqualTo("TaskCreatedEvent");
            assertThat(first.get("cause").asText()).containsIgnoringCase("division by zero");
            assertThat(first.get("attempts").asLong()).isEqualTo(1);

            // everybody else's updates keep arriving live
            String aliceOther = api.createTask(alice, "{\"title\":\"Groceries\"}");
            String bobs = api.createTask(bob, "{\"title\":\"Bob's\"}");
            aliceStream.await(e -> aliceOther.equals(e.json().path("taskId").asText()), SOON);
            bobStream.await(e -> bobs.equals(e.json().path("taskId").asText()), SOON);
            assertThat(api.get("/api/tasks/" + sqlPoisoned, alice).status()).isEqualTo(404);

            JsonNode taskView = api.get("/api/admin/processors/task-view", admin).json();
            assertThat(taskView.get("deadLetters").asLong()).isGreaterThanOrEqualTo(3);
            assertThat(taskView.get("status").asText()).isEqualTo("running");
            await().atMost(SOON).untilAsserted(() -> assertThat(api.get("/actuator/health", admin).json()
                    .at("/components/processors/details/task-view/deadLetters").asLong()).isGreaterThanOrEqualTo(3));
            assertThat(api.get("/actuator/health/readiness", null).json().get("status").asText()).isEqualTo("UP");
            await().atMost(SOON).untilAsserted(() -> assertThat(PrometheusScrape.of(api).value("tasklog_dead_letters", "processor", "task-view"))
                    .isGreaterThanOrEqualTo(3));
            PrometheusScrape scrape = PrometheusScrape.of(api);
            assertThat(scrape.has("tasklog_processor_lag_events", "processor", "task-view", "segment", "0")).isTrue();
            assertThat(scrape.has("tasklog_kafka_publisher_lag_events")).isTrue();

            // still broken: a retry fails again and counts the attempt
            Response failedAgain = api.post("/api/admin/dead-letters/" + first.get("id").asText() + "/retry", admin, null);
            assertThat(failedAgain.status()).as(failedAgain.body()).isEqualTo(200);
            assertThat(failedAgain.json().get("retried").asBoolean()).isFalse();
            assertThat(api.get("/api/admin/dead-letters?processor=task-view", admin).json().get("items"))
                    .filteredOn(l -> l.get("id").asText().equals(first.get("id").asText()))
                    .singleElement().satisfies(l -> assertThat(l.get("attempts").asLong()).isEqualTo(2));

            PoisonedTaskView.ARMED.set(false);
            Response retried = api.post("/api/admin/dead-letters/" + first.get("id").asText() + "/retry", admin, null);
            assertThat(retried.json().get("retried").asBoolean()).isTrue();
            Response all = api.post("/api/admin/dead-letters/retry-all?processor=task-view", admin, null);
            assertThat(all.status()).isEqualTo(200);
            assertThat(sequences(letters(admin, "task-view"))).doesNotContain(sqlPoisoned, javaPoisoned);

            for (String id : List.of(sqlPoisoned, javaPoisoned)) {
                JsonNode view = api.get("/api/tasks/" + id, alice).json();
                JsonNode folded = api.get("/api/tasks/" + id + "?asOf=" + Instant.now(), alice).json();
                assertThat(view).isEqualTo(folded);
            }
            assertThat(api.get("/api/tasks/" + sqlPoisoned, alice).json().get("priority").asText()).isEqualTo("high");
        }
    }

    @Test
    void aLetterCanBeEvictedAndUnknownOnesAreA404() {
        String alice = api.newUser();
        String admin = api.admin();
        PoisonedTaskView.ARMED.set(true);
        String poisoned = api.createTask(alice, "{\"title\":\"Evict me " + PoisonedTaskView.JAVA_POISON + "\"}");
        JsonNode letter = await().atMost(SOON).until(() -> letters(admin, "task-view"), all -> sequences(all).contains(poisoned))
                .stream().filter(l -> l.get("sequence").asText().equals(poisoned)).findFirst().orElseThrow();
        assertThat(api.delete("/api/admin/dead-letters/" + letter.get("id").asText(), admin).status()).isEqualTo(204);
        assertThat(sequences(letters(admin, "task-view"))).doesNotContain(poisoned);
        assertThat(api.delete("/api/admin/dead-letters/" + letter.get("id").asText(), admin).status()).isEqualTo(404);
        assertThat(api.post("/api/admin/dead-letters/nope/retry", admin, null).status()).isEqualTo(404);
        assertThat(api.get("/api/admin/dead-letters?cursor=not-a-cursor", admin).status()).isEqualTo(400);
        assertThat(api.get("/api/admin/dead-letters?limit=0", admin).status()).isEqualTo(400);
        assertThat(api.get("/api/admin/dead-letters?limit=501", admin).status()).isEqualTo(400);
    }

    private List<JsonNode> letters(String admin, String processor) {
        List<JsonNode> all = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api.get("/api/admin/dead-letters?limit=2&processor=" + processor
                    + (cursor == null ? "" : "&cursor=" + cursor), admin).json();
            page.get("items").forEach(all::add);
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
        } while (cursor != null);
        return all;
    }

    private static List<String> sequences(List<JsonNode> letters) {
        return letters.stream().map(l -> l.get("sequence").asText()).toList();
    }
}
