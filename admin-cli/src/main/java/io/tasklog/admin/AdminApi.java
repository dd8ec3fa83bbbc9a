package io.tasklog.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Tasklog's HTTP API as the CLI needs it: JSON in, JSON out, every failure turned into an
 * {@link ApiException} whose text can be shown to an operator as it is (no stack traces).
 */
final class AdminApi {

    /** Generous: a retry-all may run many handlers before it answers. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http;
    private final URI base;
    private final String token;

    private AdminApi(HttpClient http, URI base, String token) {
        this.http = http;
        this.base = base;
        this.token = token;
    }

    static AdminApi anonymous(URI base) {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        return new AdminApi(http, base, null);
    }

    AdminApi withToken(String bearerToken) {
        return new AdminApi(http, base, bearerToken);
    }

    /** POST /api/auth/login {email, password} → {token, expiresAt}; the answer acts as that account. */
    AdminApi login(String email, String password) {
        JsonNode answer;
        try {
            answer = post("/api/auth/login", Map.of("email", email, "password", password));
        } catch (ApiException e) {
            if (e.status() == 400 || e.status() == 401) {
                throw e.withHint("check --email/--password (or TASKLOG_EMAIL/TASKLOG_PASSWORD)");
            }
            throw e;
        }
        String jwt = Json.text(answer, "token");
        if (jwt == null || jwt.isBlank()) {
            throw new ApiException(0, "login answered without a token", null);
        }
        return withToken(jwt);
    }

    JsonNode get(String pathAndQuery) {
        return send(request(pathAndQuery).GET());
    }

    JsonNode post(String pathAndQuery, Object body) {
        return send(request(pathAndQuery)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body))));
    }

    JsonNode post(String pathAndQuery) {
        return send(request(pathAndQuery).POST(HttpRequest.BodyPublishers.noBody()));
    }

    JsonNode delete(String pathAndQuery) {
        return send(request(pathAndQuery).DELETE());
    }

    /** One path segment (a processor name, a dead-letter id), percent-encoded. */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * {@code ?key=value&…} of the parameters given as key, value, key, value…; a null value is left out
     * (an empty {@code processor=} could read as "the processor named ''"), and no parameters give "".
     */
    static String query(String... keysAndValues) {
        StringJoiner joiner = new StringJoiner("&", "?", "").setEmptyValue("");
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                joiner.add(keysAndValues[i] + "=" + URLEncoder.encode(keysAndValues[i + 1], StandardCharsets.UTF_8));
            }
        }
        return joiner.toString();
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json, application/problem+json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private JsonNode send(HttpRequest.Builder builder) {
        HttpRequest request = builder.build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpConnectTimeoutException e) {
            throw unreachable("timed out connecting to " + base);
        } catch (HttpTimeoutException e) {
            throw new ApiException(0, request.method() + " " + request.uri().getPath() + " got no answer within "
                    + REQUEST_TIMEOUT.toSeconds() + " s", null);
        } catch (ConnectException e) {
            throw unreachable("cannot connect to " + base + " (connection refused)");
        } catch (IOException e) {
            throw unreachable("request to " + base + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(0, "interrupted", null);
        }
        if (response.statusCode() >= 200 && response.statusCode() < 300) {
            return Json.parse(response.body());
        }
        throw Problems.of(response.statusCode(), response.body());
    }

    private static ApiException unreachable(String message) {
        return new ApiException(0, message, "is Tasklog running there? Point the tool at it with --url or TASKLOG_URL");
    }
}
