package io.tasklog.app;

import static org.awaitility.Awaitility.await;
import static io.tasklog.app.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.tasklog.app.support.ApiClient;
import io.tasklog.app.support.ApiClient.Response;
import io.tasklog.app.support.AppInstance;
import io.tasklog.app.support.IntegrationTest;
import io.tasklog.app.support.SseClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A user holds at most {@code tasklog.stream.max-per-user} (20) open streams per instance: one more is refused
 * with a 429 problem and {@code Retry-After}, other users are not affected, and a stream that ends frees its slot.
 * An instance serving {@code tasklog.stream.max-per-instance} streams refuses more with 503 and serves the rest.
 */
class StreamLimitIT extends IntegrationTest {

    private static final int MAX_PER_USER = 20;

    @Test
    void theStreamOverTheLimitIsRefusedUntilOneCloses() throws Exception {
        String token = api.newUser();
        List<SseClient> streams = new ArrayList<>();
        try {
            for (int i = 0; i < MAX_PER_USER; i++) {
                streams.add(new SseClient(api.baseUrl(), token, null).awaitConnected());
            }

            Response refused = openStreamExpectingAnAnswer(token);
            assertProblem("stream " + (MAX_PER_USER + 1), refused, 429);
            assertThat(refused.header("Retry-After")).hasValue("15");
            assertThat(streams).allSatisfy(stream -> assertThat(stream.status()).isEqualTo(200));

            try (SseClient someoneElse = new SseClient(api.baseUrl(), api.newUser(), null).awaitConnected()) {
                assertThat(someoneElse.status()).isEqualTo(200);
            }

            streams.remove(0).close();
            // a change makes the server write to the closed stream, which then fails and ends (else: the heartbeat)
            api.createTask(token, "{\"title\":\"written to every open stream\"}");
            await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> {
                SseClient next = new SseClient(api.baseUrl(), token, null);
                if (next.status() != 200) {
                    next.close();
                }
                assertThat(next.status()).as("a stream after one closed").isEqualTo(200);
                streams.add(next);
            });
            assertProblem("again over the limit", openStreamExpectingAnAnswer(token), 429);
        } finally {
            streams.forEach(SseClient::close);
        }
    }

    @Test
    void aFullInstanceRefusesNewStreamsWith503AndKeepsServingEverythingElse() throws Exception {
        try (ConfigurableApplicationContext small = AppInstance.start("tasklog", "",
                "--tasklog.stream.max-per-instance=2")) {
            ApiClient instance = AppInstance.client(small);
            String alice = instance.newUser();
            String bob = instance.newUser();
            try (SseClient first = new SseClient(instance.baseUrl(), alice, null).awaitConnected();
                 SseClient second = new SseClient(instance.baseUrl(), bob, null).awaitConnected()) {
                Response full = openStreamExpectingAnAnswer(instance, instance.newUser());
                assertProblem("a stream on a full instance", full, 503);
                assertThat(full.header("Retry-After")).hasValue("15");

                assertThat(instance.post("/api/tasks", alice, "{\"title\":\"still writable\"}").status()).isEqualTo(201);
                assertThat(instance.get("/api/tasks", bob).status()).isEqualTo(200);
                assertThat(instance.get("/actuator/health/readiness", null).status()).isEqualTo(200);
                assertThat(first.status()).isEqualTo(200);
                assertThat(second.status()).isEqualTo(200);
            }
        }
    }

    private Response openStreamExpectingAnAnswer(String token) throws Exception {
        return openStreamExpectingAnAnswer(api, token);
    }

    /** A refused stream has a body that ends; an accepted one would not, so the wait is bounded. */
    private static Response openStreamExpectingAnAnswer(ApiClient api, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(api.baseUrl() + "/api/stream"))
                .header("Accept", "text/event-stream").header("Authorization", "Bearer " + token).build();
        HttpResponse<String> response = HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .get(10, TimeUnit.SECONDS);
        return new Response(response.statusCode(), response.headers().map(), response.body());
    }
}
