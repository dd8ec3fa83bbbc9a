package io.tasklog.app;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tasklog.app.support.ApiClient.Response;
import io.tasklog.app.support.IntegrationTest;
import io.tasklog.app.support.SseClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Event store → Kafka → projection → query API and live stream, on a real PostgreSQL and broker. */
class TaskReadPathIT extends IntegrationTest {

    private static final Duration SOON = Duration.ofSeconds(20);

    @BeforeEach
    void streamListenerAssigned() {
        awaitStreamListener();
    }

    @Test
    void aCreatedTaskAppearsInTheListAndOnTheOwnersStreamOnly() throws Exception {
        String alice = api.newUser();
        String bob = api.newUser();
        try (SseClient aliceStream = new SseClient(api.baseUrl(), alice, null).awaitConnected();
             SseClient bobStream = new SseClient(api.baseUrl(), bob, null).awaitConnected()) {
            String id = api.createTask(alice, "{\"title\":\"Streamed\",\"priority\":\"urgent\"}");

            SseClient.Event event = aliceStream.await(e -> id.equals(e.json().path("taskId").asText()), SOON);
            assertThat(event.name()).isEqualTo("task.changed");
            assertThat(event.id()).isNotBlank();
            assertThat(event.json().get("deleted").asBoolean()).isFalse();
            assertThat(event.json().get("task").get("title").asText()).isEqualTo("Streamed");
            assertThat(event.json().get("task").get("priority").asText()).isEqualTo("urgent");

            JsonNode list = api.get("/api/tasks", alice).json();
            assertThat(list.get("items")).extracting(t -> t.get("id").asText()).contains(id);
            Response one = api.get("/api/tasks/" + id, alice);
            assertThat(one.status()).isEqualTo(200);
            assertThat(one.header("ETag")).hasValue("\"0\"");

            assertThat(api.get("/api/tasks", bob).json().get("items")).isEmpty();
            assertThat(api.get("/api/tasks/" + id, bob).status()).isEqualTo(404);
            // Bob's own change, made after Alice's was streamed, proves Bob's stream is caught up past it
            String marker = api.createTask(bob, "{\"title\":\"Bob's marker\"}");
            bobStream.await(e -> marker.equals(e.json().path("taskId").asText()), SOON);
            assertThat(bobStream.events()).extracting(e -> e.json().path("taskId").asText()).containsExactly(marker);
        }
    }

    @Test
    void concurrentWritesAreAllStreamedInOrderWithoutGaps() throws Exception {
        String token = api.newUser();
        try (SseClient stream = new SseClient(api.baseUrl(), token, null).awaitConnected()) {
            java.util.concurrent.ExecutorService writers = java.util.concurrent.Executors.newFixedThreadPool(6);
            List<java.util.concurrent.Future<String>> created = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                int n = i;
                created.add(writers.submit(() -> api.createTask(token, "{\"title\":\"Burst " + n + "\"}")));
            }
            List<String> ids = new ArrayList<>();
            for (var future : created) {
                ids.add(future.get());
            }
            writers.shutdown();
            await().atMost(SOON).untilAsserted(() -> assertThat(stream.events()).extracting(e -> e.json().path("taskId").asText())
                    .containsAll(ids));
            List<Long> eventIds = stream.events().stream().map(e -> Long.parseLong(e.id())).toList();
            assertThat(eventIds).isSorted().doesNotHaveDuplicates();
        }
    }

    @Test
    void aDeletionIsStreamedAsAMarkerAndLeavesTheList() throws Exception {
        String token = api.newUser();
        String id = api.createTask(token, "{\"title\":\"Short-lived\"}");
        await().atMost(SOON).untilAsserted(() -> assertThat(api.get("/api/tasks/" + id, token).status()).isEqualTo(200));
        try (SseClient stream = new SseClient(api.baseUrl(), token, null).awaitConnected()) {
            api.delete("/api/tasks/" + id, token);
            SseClient.Event event = stream.await(e -> e.json().path("deleted").asBoolean(), SOON);
            assertThat(event.json().get("taskId").asText()).isEqualTo(id);
            assertThat(event.json().get("task").isNull()).isTrue();
        }
        assertThat(api.get("/api/tasks/" + id, token).status()).isEqualTo(404);
        assertThat(api.get("/api/tasks", token).json().get("items")).isEmpty();
    }

    @Test
    void aReconnectingClientGetsWhatItMissedViaLastEventId() throws Exception {
        String token = api.newUser();
        String lastSeen;
        try (SseClient stream = new SseClient(api.baseUrl(), token, null).awaitConnected()) {
            String first = api.createTask(token, "{\"title\":\"first\"}");
            lastSeen = stream.await(e -> first.equals(e.json().path("taskId").asText()), SOON).id();
        }
        String second = api.createTask(token, "{\"title\":\"while away\"}");
        await().atMost(SOON).untilAsserted(() -> assertThat(api.get("/api/tasks/" + second, token).status()).isEqualTo(200));

        try (SseClient resumed = new SseClient(api.baseUrl(), token, lastSeen).awaitConnected()) {
            SseClient.Event missed = resumed.await(e -> second.equals(e.json().path("taskId").asText()), SOON);
            assertThat(Long.parseLong(missed.id())).isGreaterThan(Long.parseLong(lastSeen));
            assertThat(resumed.events()).noneMatch(e -> e.id().equals(lastSeen));
        }
    }

    @Test
    void theListFiltersSortsAndPagesStably() {
        String token = api.newUser();
        Instant base = Instant.parse("2031-03-01T09:00:00Z");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            ids.add(api.createTask(token, "{\"title\":\"Item " + i + "\",\"priority\":\"" + (i % 2 == 0 ? "high" : "low")
                    + "\",\"tags\":[\"" + (i < 3 ? "home" : "work") + "\"],\"dueAt\":\"" + base.plusSeconds(3600L * i) + "\"}"));
        }
        api.post("/api/tasks/" + ids.get(6) + "/complete", token, null);
        await().atMost(SOON).untilAsserted(() -> assertThat(api.get("/api/tasks?status=completed", token).json().get("items")).hasSize(1));
        await().atMost(SOON).untilAsserted(() -> assertThat(api.get("/api/tasks?status=all", token).json().get("items")).hasSize(7));

        assertThat(titles(api.get("/api/tasks?status=open&sort=due", token))).containsExactly(
                "Item 0", "Item 1", "Item 2", "Item 3", "Item 4", "Item 5");
        assertThat(titles(api.get("/api/tasks?tag=HOME&sort=due", token))).containsExactly("Item 0", "Item 1", "Item 2");
        assertThat(titles(api.get("/api/tasks?priority=high&status=all&sort=due&order=desc", token)))
                .containsExactly("Item 6", "Item 4", "Item 2", "Item 0");
        assertThat(titles(api.get("/api/tasks?dueAfter=" + base.plusSeconds(3600) + "&dueBefore=" + base.plusSeconds(3 * 3600)
                + "&sort=due", token))).containsExactly("Item 1", "Item 2");
        assertThat(titles(api.get("/api/tasks?q=item%205", token))).containsExactly("Item 5");

        List<String> paged = new ArrayList<>();
        String cursor = null;
        do {
            Response page = api.get("/api/tasks?sort=title&limit=3" + (cursor == null ? "" : "&cursor=" + cursor), token);
            paged.addAll(titles(page));
            if (cursor == null) {
                // a task inserted between pages must not shift the pages already handed out
                api.createTask(token, "{\"title\":\"Item 00 (late)\"}");
            }
            cursor = page.json().get("nextCursor").isNull() ? null : page.json().get("nextCursor").asText();
        } while (cursor != null);
        assertThat(paged).startsWith("Item 0", "Item 1", "Item 2").contains("Item 6").doesNotHaveDuplicates();

        assertThat(api.get("/api/tasks?sort=nonsense", token).status()).isEqualTo(400);
        assertThat(api.get("/api/tasks?status=maybe", token).status()).isEqualTo(400);
        assertThat(api.get("/api/tasks?cursor=garbage", token).status()).isEqualTo(400);
    }

    @Test
    void overdueMeansOpenAndDueInThePast() {
        String token = api.newUser();
        api.createTask(token, "{\"title\":\"Late\",\"dueAt\":\"2020-01-01T00:00:00Z\"}");
        String done = api.createTask(token, "{\"title\":\"Late but done\",\"dueAt\":\"2020-01-01T00:00:00Z\"}");
        api.createTask(token, "{\"title\":\"Future\",\"dueAt\":\"2999-01-01T00:00:00Z\"}");
        api.post("/api/tasks/" + done + "/complete", token, null);
        await().atMost(SOON).untilAsserted(() -> assertThat(api.get("/api/tasks?status=all", token).json().get("items")).hasSize(3));
        await().atMost(SOON).untilAsserted(() -> assertThat(titles(api.get("/api/tasks?overdue=true", token))).containsExactly("Late"));
    }

    private static List<String> titles(Response page) {
        List<String> titles = new ArrayList<>();
        page.json().get("items").forEach(t -> titles.add(t.get("title").asText()));
        return titles;
    }
}
