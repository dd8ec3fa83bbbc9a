package io.tasklog.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.tasklog.app.support.ApiClient.Response;
import io.tasklog.app.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Another user's task id must behave exactly like an id that does not exist, and change nothing. */
class CrossUserIsolationIT extends IntegrationTest {

    @Test
    void anotherUsersTaskIsIndistinguishableFromAMissingOne() {
        String alice = api.newUser();
        String mallory = api.newUser();
        String id = api.createTask(alice, "{\"title\":\"Alice's secret\"}");
        String missing = java.util.UUID.randomUUID().toString();
        long before = storedEventsOf(alice, mallory);

        for (String target : List.of(id, missing)) {
            List<Response> attempts = List.of(
                    api.patch("/api/tasks/" + target, mallory, "{\"title\":\"pwned\"}"),
                    api.send("PUT", "/api/tasks/" + target, mallory, "{\"title\":\"pwned\"}", Map.of()),
                    api.post("/api/tasks/" + target + "/complete", mallory, null),
                    api.post("/api/tasks/" + target + "/reopen", mallory, null),
                    api.delete("/api/tasks/" + target, mallory),
                    api.get("/api/tasks/" + target + "/history", mallory),
                    api.get("/api/tasks/" + target + "?asOf=2100-01-01T00:00:00Z", mallory));
            for (Response r : attempts) {
                assertThat(r.status()).as(r.toString()).isEqualTo(404);
                assertThat(r.body()).doesNotContain("Alice's secret");
                assertThat(r.json().get("title").asText()).isEqualTo("Task not found");
            }
        }
        assertThat(storedEventsOf(alice, mallory)).isEqualTo(before);
        assertThat(api.get("/api/tasks/" + id + "/history", alice).json().get("items")).hasSize(1);
    }
}
