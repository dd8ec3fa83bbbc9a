package io.tasklog.admin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * A real HTTP server on a free local port that answers canned JSON per the admin API contract, and
 * records what it was asked. Stands in for Tasklog while the server side is built in parallel; an
 * end-to-end test against the real application comes with it.
 */
final class FakeTasklog implements AutoCloseable {

    static final String TOKEN = "admin-token";

    record Request(String method, String path, String query, String authorization, String body) {
        String line() {
            return method + " " + path + (query == null ? "" : "?" + query);
        }
    }

    private record Reply(int status, String contentType, String body) {
    }

    private final HttpServer server;
    private final Map<String, Deque<Reply>> routes = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    FakeTasklog() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    /**
     * Answers {@code METHOD target} (a path, or a path with its exact query) with these replies in turn;
     * the last one repeats.
     */
    FakeTasklog on(String method, String target, int status, String... bodies) {
        Deque<Reply> replies = routes.computeIfAbsent(method + " " + target, key -> new ArrayDeque<>());
        for (String body : bodies) {
            replies.add(new Reply(status, status >= 400 ? "application/problem+json" : "application/json", body));
        }
        if (bodies.length == 0) {
            replies.add(new Reply(status, "application/json", ""));
        }
        return this;
    }

    /** Requests other than the login, in order, as "METHOD path?query". */
    List<String> calls() {
        return requests.stream().map(Request::line).collect(Collectors.toList());
    }

    List<Request> requests() {
        return requests;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getRawPath();
        String query = exchange.getRequestURI().getRawQuery();
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        Request request = new Request(exchange.getRequestMethod(), path, query, authorization, body);
        requests.add(request);
        Reply reply = reply(request);
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", reply.contentType());
        exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    private Reply reply(Request request) {
        boolean login = request.path().equals("/api/auth/login");
        if (!login && !("Bearer " + TOKEN).equals(request.authorization())) {
            return new Reply(401, "application/problem+json",
                    "{\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"A valid bearer token is required\"}");
        }
        Deque<Reply> replies = routes.get(request.method() + " " + request.line().substring(request.method().length() + 1));
        if (replies == null) {
            replies = routes.get(request.method() + " " + request.path());
        }
        if (replies == null) {
            return new Reply(404, "application/problem+json",
                    "{\"title\":\"Not Found\",\"status\":404,\"detail\":\"No route " + request.line() + "\"}");
        }
        synchronized (replies) {
            return replies.size() > 1 ? replies.poll() : replies.peek();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
