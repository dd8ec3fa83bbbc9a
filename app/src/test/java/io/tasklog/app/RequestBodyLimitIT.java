package io.tasklog.app;

import static io.tasklog.app.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.tasklog.app.support.ApiClient.Response;
import io.tasklog.app.support.IntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Bodies above {@code tasklog.web.max-request-body} (256 KiB by default) get a 413 problem and change nothing,
 * whether they declare their length or arrive chunked; a chunked body under the limit still works.
 */
class RequestBodyLimitIT extends IntegrationTest {

    private static final int LIMIT = 256 * 1024;

    @Test
    void aBodyOverTheLimitGets413WithAndWithoutContentLength() {
        String token = api.newUser();
        String marker = "oversized-" + UUID.randomUUID();
        String body = taskWithDescriptionOf(marker, LIMIT + 1 - taskWithDescriptionOf(marker, 0).length());
        assertThat(body.length()).isEqualTo(LIMIT + 1);

        assertProblem("with Content-Length", api.post("/api/tasks", token, body), 413);
        assertProblem("chunked", api.sendChunked("POST", "/api/tasks", token, body), 413);
        assertProblem("chunked, unauthenticated", api.sendChunked("POST", "/api/auth/register", null, body), 413);

        assertThat(storedEventsMentioning(marker)).isZero();
    }

    @Test
    void aChunkedBodyAtTheLimitIsReadAsUsual() {
        String token = api.newUser();
        String marker = "chunked-" + UUID.randomUUID();
        // ASCII, so characters = bytes; the description's own limit (10,000 characters) keeps it small
        String body = taskWithDescriptionOf(marker, 9_000);

        Response created = api.sendChunked("POST", "/api/tasks", token, body);

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("title").asText()).isEqualTo(marker);
        assertThat(created.json().get("description").asText()).hasSize(9_000);
    }

    @Test
    void theDefaultLimitLeavesRoomForTheLargestValidTask() {
        String token = api.newUser();
        // the longest description a task may have, in 4-byte characters: the largest body a valid task needs
        String description = "\uD83D\uDE00".repeat(10_000);
        String body = "{\"title\":\"" + "t".repeat(200) + "\",\"description\":\"" + description + "\"}";

        Response created = api.post("/api/tasks", token, body);

        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    private static String taskWithDescriptionOf(String title, int length) {
        return "{\"title\":\"" + title + "\",\"description\":\"" + "d".repeat(length) + "\"}";
    }
}
