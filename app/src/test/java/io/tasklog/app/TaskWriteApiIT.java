package io.tasklog.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.tasklog.app.support.ApiClient.Response;
import io.tasklog.app.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskWriteApiIT extends IntegrationTest {

    @Test
    void createReturns201WithLocationEtagAndId() {
        String token = api.newUser();
        Response r = api.post("/api/tasks", token, "{\"title\":\"Write tests\",\"priority\":\"high\",\"tags\":[\"Dev\"]}");
        assertThat(r.status()).isEqualTo(201);
        String id = r.json().get("id").asText();
        assertThat(r.header("Location")).hasValue("/api/tasks/" + id);
        assertThat(r.header("ETag")).hasValue("\"0\"");
        assertThat(r.json().get("version").asLong()).isZero();
    }

    @Test
    void patchChangesOnlyTheGivenFieldsAndBumpsTheVersion() {
        String token = api.newUser();
        String id = api.createTask(token, "{\"title\":\"Draft\",\"description\":\"keep me\"}");
        Response r = api.send("PATCH", "/api/tasks/" + id, token, "{\"title\":\"Final\",\"dueAt\":\"2030-01-01T09:00:00Z\"}",
                Map.of("If-Match", "\"0\""));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("ETag")).hasValue("\"1\"");

        Response now = api.get("/api/tasks/" + id + "?asOf=2100-01-01T00:00:00Z", token);
        assertThat(now.json().get("title").asText()).isEqualTo("Final");
        assertThat(now.json().get("description").asText()).isEqualTo("keep me");
        assertThat(now.json().get("dueAt").asText()).isEqualTo("2030-01-01T09:00:00Z");
    }

    @Test
    void aStaleIfMatchGets412AndChangesNothing() {
        String token = api.newUser();
        String id = api.createTask(token, "{\"title\":\"Shared\"}");
        api.patch("/api/tasks/" + id, token, "{\"title\":\"Edited on phone\"}");
        long before = storedEventsOf(token);

        Response stale = api.send("PATCH", "/api/tasks/" + id, token, "{\"title\":\"Edited on laptop\"}",
                Map.of("If-Match", "\"0\""));

        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.header("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).contains("problem+json"));
        assertThat(stale.json().get("currentVersion").asLong()).isEqualTo(1);
        assertThat(storedEventsOf(token)).isEqualTo(before);
    }

    @Test
    void completeAndReopenAreIdempotent() {
        String token = api.newUser();
        String id = api.createTask(token, "{\"title\":\"Once\"}");
        assertThat(api.post("/api/tasks/" + id + "/complete", token, null).header("ETag")).hasValue("\"1\"");
        assertThat(api.post("/api/tasks/" + id + "/complete", token, null).header("ETag")).hasValue("\"1\"");
        assertThat(api.post("/api/tasks/" + id + "/reopen", token, null).header("ETag")).hasValue("\"2\"");
        assertThat(api.post("/api/tasks/" + id + "/reopen", token, null).header("ETag")).hasValue("\"2\"");
    }

    @Test
    void aDeletedTaskIsGoneForWritesButItsHistoryRemains() {
        String token = api.newUser();
        String id = api.createTask(token, "{\"title\":\"Temporary\"}");
        assertThat(api.delete("/api/tasks/" + id, token).status()).isEqualTo(204);
        assertThat(api.patch("/api/tasks/" + id, token, "{\"title\":\"Back?\"}").status()).isEqualTo(404);
        assertThat(api.post("/api/tasks/" + id + "/complete", token, null).status()).isEqualTo(404);
        Response history = api.get("/api/tasks/" + id + "/history", token);
        assertThat(history.json().get("items")).hasSize(2);
        assertThat(history.json().get("items").get(1).get("type").asText()).isEqualTo("deleted");
    }

    @Test
    void putReplacesEveryWritableField() {
        String token = api.newUser();
        String id = api.createTask(token, "{\"title\":\"Old\",\"description\":\"old text\",\"tags\":[\"a\"]}");
        Response r = api.send("PUT", "/api/tasks/" + id, token, "{\"title\":\"New\"}", Map.of());
        assertThat(r.status()).isEqualTo(200);
        Response now = api.get("/api/tasks/" + id + "?asOf=2100-01-01T00:00:00Z", token);
        assertThat(now.json().get("title").asText()).isEqualTo("New");
        assertThat(now.json().get("description").asText()).isEmpty();
        assertThat(now.json().get("tags")).isEmpty();
    }
}
