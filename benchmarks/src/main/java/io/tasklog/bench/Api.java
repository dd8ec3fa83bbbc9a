package io.tasklog.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The public HTTP API of a running Tasklog, as one user (or none, before registering): plain
 * {@link HttpClient} over HTTP/1.1 and Jackson. Every call is timed with {@link System#nanoTime()}
 * from just before the request is handed to the client until the whole response body has been read.
 */
public final class Api {

    public static final ObjectMapper JSON = new ObjectMapper();
    public static final String PASSWORD = "bench-password-1";

    private final HttpClient http;
    private final URI base;
    private final String token;
    private final Duration timeout;

    private Api(HttpClient http, URI base, String token, Duration timeout) {
        this.http = http;
        this.base = base;
        this.token = token;
        this.timeout = timeout;
    }

    /** An anonymous client with its own connection pool and a daemon executor. */
    public static Api connect(String baseUrl, Duration timeout) {
        AtomicInteger threads = new AtomicInteger();
        ExecutorService executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "http-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .executor(executor)
                .build();
        String trimmed = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return new Api(http, URI.create(trimmed), null, timeout);
    }

    /** The same connection pool, acting as the owner of {@code bearerToken}. */
    public Api as(String bearerToken) {
        return new Api(http, base, bearerToken, timeout);
    }

    public String token() {
        return token;
    }

    public HttpClient http() {
        return http;
    }

    public URI uri(String pathAndQuery) {
        return URI.create(base + pathAndQuery);
    }

    // ---- auth ----

    /** Registers a fresh user {@code <prefix>-<random>@bench.example} and returns a client acting as it. */
    public Api registerNewUser(String prefix) {
        String email = prefix + "-" + UUID.randomUUID().toString().substring(0, 12) + "@bench.example";
        return register(email, PASSWORD);
    }

    public Api register(String email, String password) {
        return authenticate("/api/auth/register", email, password);
    }

    public Api login(String email, String password) {
        return authenticate("/api/auth/login", email, password);
    }

    private Api authenticate(String path, String email, String password) {
        Response response = send(post(path, Map.of("email", email, "password", password)));
        if (response.status() == 429) {
            throw new IllegalStateException(path + " is rate-limited by the server (429): start it with"
                    + " TASKLOG_SECURITY_AUTH_RATE_LIMIT_ENABLED=false to benchmark (see docs/benchmarks-howto.md)");
        }
        if (!response.ok()) {
            throw new IllegalStateException(path + " for " + email + " answered " + response.status() + ": " + response.body());
        }
        String jwt = response.json().path("token").asText(null);
        if (jwt == null || jwt.isBlank()) {
            throw new IllegalStateException(path + " answered without a token: " + response.body());
        }
        return as(jwt);
    }

    // ---- requests ----

    public HttpRequest get(String pathAndQuery) {
        return builder(pathAndQuery).GET().build();
    }

    public HttpRequest post(String path, Object body) {
        return builder(path).header("Content-Type", "application/json").POST(bodyOf(body)).build();
    }

    public HttpRequest patch(String path, Object body) {
        return builder(path).header("Content-Type", "application/merge-patch+json").method("PATCH", bodyOf(body)).build();
    }

    public HttpRequest createTask(JsonNode task) {
        return post("/api/tasks", task);
    }

    public HttpRequest patchTask(String taskId, JsonNode patch) {
        return patch("/api/tasks/" + taskId, patch);
    }

    /** A conditional patch: {@code If-Match: "<version>"}. */
    public HttpRequest patchTask(String taskId, JsonNode patch, long ifMatchVersion) {
        return builder("/api/tasks/" + taskId).header("Content-Type", "application/merge-patch+json")
                .header("If-Match", "\"" + ifMatchVersion + "\"").method("PATCH", bodyOf(patch)).build();
    }

    private HttpRequest.Builder builder(String pathAndQuery) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(pathAndQuery))
                .timeout(timeout)
                .header("Accept", "application/json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private static HttpRequest.BodyPublisher bodyOf(Object body) {
        try {
            return HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Blocking call; transport failures come back as status -1 with the exception text as body. */
    public Response send(HttpRequest request) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), start, System.nanoTime());
        } catch (IOException e) {
            return new Response(-1, e.toString(), start, System.nanoTime());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Response(-1, e.toString(), start, System.nanoTime());
        }
    }

    /** Non-blocking call; never completes exceptionally (failures are status -1). */
    public CompletableFuture<Response> sendAsync(HttpRequest request) {
        long start = System.nanoTime();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .handle((response, error) -> error == null
                        ? new Response(response.statusCode(), response.body(), start, System.nanoTime())
                        : new Response(-1, error.toString(), start, System.nanoTime()));
    }

    /** {@code key=value&...}, URL-encoded; null values are left out. */
    public static String query(Map<String, String> params) {
        StringJoiner joiner = new StringJoiner("&");
        params.forEach((key, value) -> {
            if (value != null) {
                joiner.add(URLEncoder.encode(key, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        return joiner.toString();
    }

    public static ObjectNode object() {
        return JSON.createObjectNode();
    }

    /** A finished HTTP exchange; {@code sentNanos}/{@code doneNanos} are {@link System#nanoTime()} readings. */
    public record Response(int status, String body, long sentNanos, long doneNanos) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        public long latencyNanos() {
            return doneNanos - sentNanos;
        }

        public JsonNode json() {
            try {
                return body == null || body.isEmpty() ? JSON.missingNode() : JSON.readTree(body);
            } catch (JsonProcessingException e) {
                return JSON.missingNode();
            }
        }

        public String shortBody() {
            String text = body == null ? "" : body.replaceAll("\\s+", " ");
            return text.length() > 200 ? text.substring(0, 200) + "…" : text;
        }
    }
}
