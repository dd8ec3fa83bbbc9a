package io.tasklog.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tasklog.app.support.ApiClient.Response;
import io.tasklog.app.support.IntegrationTest;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TaskHistoryIT extends IntegrationTest {

    @Test
    void historyListsEveryEventOldestFirstWithActorAndFieldChanges() {
        String token = api.newUser();
        String userId = userIdOf(token);
        String id = api.createTask(token, "{\"title\":\"Plan trip\",\"priority\":\"low\"}");
        api.patch("/api/tasks/" + id, token, "{\"title\":\"Plan summer trip\",\"priority\":\"high\",\"tags\":[\"Travel\"]}");
        api.post("/api/tasks/" + id + "/complete", token, null);

        JsonNode items = api.get("/api/tasks/" + id + "/history", token).json().get("items");

        assertThat(items).hasSize(3);
        assertThat(items.get(0).get("type").asText()).isEqualTo("created");
        assertThat(items.get(0).get("actor").asText()).isEqualTo(userId);
        assertThat(items.get(0).get("changes").get("title").get("to").asText()).isEqualTo("Plan trip");
        JsonNode update = items.get(1);
        assertThat(update.get("type").asText()).isEqualTo("updated");
        assertThat(update.get("actor").asText()).isEqualTo(userId);
        assertThat(update.get("changes").get("title").get("from").asText()).isEqualTo("Plan trip");
        assertThat(update.get("changes").get("title").get("to").asText()).isEqualTo("Plan summer trip");
        assertThat(update.get("changes").get("priority").get("from").asText()).isEqualTo("low");
        assertThat(update.get("changes").get("priority").get("to").asText()).isEqualTo("high");
        assertThat(update.get("changes").get("tags").get("to").get(0).asText()).isEqualTo("travel");
        assertThat(update.get("changes").has("description")).isFalse();
        assertThat(items.get(2).get("changes").get("status").get("to").asText()).isEqualTo("completed");
        assertThat(items.get(0).get("eventId").asText()).isNotBlank();
        assertThat(Instant.parse(items.get(2).get("at").asText())).isAfterOrEqualTo(Instant.parse(items.get(0).get("at").asText()));
    }

    @Test
    void historyPagesWithACursor() {
        String token = api.newUser();
        String id = api.createTask(token, "{\"title\":\"v0\"}");
        for (int i = 1; i <= 4; i++) {
            api.patch("/api/tasks/" + id, token, "{\"title\":\"v" + i + "\"}");
        }
        Response first = api.get("/api/tasks/" + id + "/history?limit=2", token);
        assertThat(first.json().get("items")).hasSize(2);
        String cursor = first.json().get("nextCursor").asText();
        Response second = api.get("/api/tasks/" + id + "/history?limit=2&cursor=" + cursor, token);
        assertThat(second.json().get("items").get(0).get("changes").get("title").get("from").asText()).isEqualTo("v1");
        Response last = api.get("/api/tasks/" + id + "/history?limit=2&cursor=" + second.json().get("nextCursor").asText(), token);
        assertThat(last.json().get("items")).hasSize(1);
        assertThat(last.json().get("nextCursor").isNull()).isTrue();
    }

    @Test
    void asOfShowsTheTaskAsItWasAtThatInstant() throws InterruptedException {
        String token = api.newUser();
        String id = api.createTask(token, "{\"title\":\"Before\"}");
        Thread.sleep(20);
        Instant between = Instant.now();
        Thread.sleep(20);
        api.patch("/api/tasks/" + id, token, "{\"title\":\"After\"}");
        api.post("/api/tasks/" + id + "/complete", token, null);

        Response then = api.get("/api/tasks/" + id + "?asOf=" + between, token);
        assertThat(then.status()).isEqualTo(200);
        assertThat(then.json().get("title").asText()).isEqualTo("Before");
        assertThat(then.json().get("status").asText()).isEqualTo("open");
        assertThat(then.header("ETag")).hasValue("\"0\"");

        Response now = api.get("/api/tasks/" + id + "?asOf=" + Instant.now().plusSeconds(1), token);
        assertThat(now.json().get("title").asText()).isEqualTo("After");
        assertThat(now.json().get("status").asText()).isEqualTo("completed");
    }

    @Test
    void asOfBeforeTheTaskExistedIsNotFound() {
        String token = api.newUser();
        Instant before = Instant.now().minusSeconds(60);
        String id = api.createTask(token, "{\"title\":\"New\"}");
        Response r = api.get("/api/tasks/" + id + "?asOf=" + before, token);
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.header("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).contains("problem+json"));
    }
}
