package io.tasklog.app.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** A plain HTTP client for the public API, as an independent client would use it. */
public class ApiClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;

    public ApiClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** Registers a fresh user and returns its access token. */
    public String newUser() {
        Response r = send("POST", "/api/auth/register", null,
                "{\"email\":\"u" + UUID.randomUUID() + "@example.com\",\"password\":\"correct horse battery\"}");
        if (r.status() != 201) {
            throw new IllegalStateException("register failed: " + r);
        }
        return r.json().get("token").asText();
    }

    /** The access token of the admin account the tests configure (registered on first use). */
    public String admin() {
        String body = "{\"email\":\"" + TestInfrastructure.ADMIN_EMAIL + "\",\"password\":\"correct horse battery\"}";
        Response registered = send("POST", "/api/auth/register", null, body);
        Response r = registered.status() == 201 ? registered : send("POST", "/api/auth/login", null, body);
        if (r.status() != 200 && r.status() != 201) {
            throw new IllegalStateException("admin login failed: " + r);
        }
        return r.json().get("token").asText();
    }

    public Response get(String path, String token) {
        return send("GET", path, token, null);
    }

    public Response post(String path, String token, String body) {
        return send("POST", path, token, body);
    }

    public Response patch(String path, String token, String body) {
        return send("PATCH", path, token, body);
    }

    public Response delete(String path, String token) {
        return send("DELETE", path, token, null);
    }

    public Response send(String method, String path, String token, String body) {
        return send(method, path, token, body, Map.of());
    }

    public Response send(String method, String path, String token, String body, Map<String, String> headers) {
        return send(method, path, token, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body), body != null, headers);
    }

    /** Sends the body without a Content-Length (chunked transfer encoding), as a streaming client would. */
    public Response sendChunked(String method, String path, String token, String body) {
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return send(method, path, token,
                HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes)), true, Map.of());
    }

    private Response send(String method, String path, String token, HttpRequest.BodyPublisher body, boolean json,
                          Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).method(method, body);
        if (json) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Creates a task from a JSON body and returns its id. */
    public String createTask(String token, String body) {
        Response r = post("/api/tasks", token, body);
        if (r.status() != 201) {
            throw new IllegalStateException("create failed: " + r);
        }
        return r.json().get("id").asText();
    }

    public record Response(int status, Map<String, java.util.List<String>> headers, String body) {

        public JsonNode json() {
            try {
                return body == null || body.isBlank() ? MissingNode.getInstance() : JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        public Optional<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst();
        }
    }
}
