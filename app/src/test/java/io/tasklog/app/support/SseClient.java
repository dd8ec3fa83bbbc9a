package io.tasklog.app.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** A minimal Server-Sent Events client over java.net.http, as a non-browser client would write it. */
public class SseClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Streams are read on threads of their own: a plain thenAccept may run the (endless) read on whichever
     * thread completes or joins the response future, e.g. the test's own thread calling status().
     */
    private static final ExecutorService READERS = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "sse-client-reader");
        thread.setDaemon(true);
        return thread;
    });

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final List<String> comments = new CopyOnWriteArrayList<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private volatile Stream<String> lines;

    public SseClient(String baseUrl, String token, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/stream"))
                .header("Accept", "text/event-stream").header("Authorization", "Bearer " + token);
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        response = HttpClient.newHttpClient().sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines());
        response.thenAcceptAsync(r -> {
            lines = r.body();
            read(lines);
        }, READERS);
    }

    private void read(Stream<String> body) {
        String id = null;
        String name = null;
        StringBuilder data = new StringBuilder();
        try {
            for (String line : (Iterable<String>) body::iterator) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        events.add(new Event(id, name, data.toString()));
                    }
                    id = null;
                    name = null;
                    data.setLength(0);
                } else if (line.startsWith(":")) {
                    comments.add(line.substring(1).strip());
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).strip());
                }
            }
        } catch (RuntimeException closed) {
            // the stream was closed by us or by the server
        }
    }

    /** Waits until the server has opened the stream (its first comment arrived). */
    public SseClient awaitConnected() throws InterruptedException {
        awaitTrue(() -> comments.contains("connected"), Duration.ofSeconds(10));
        return this;
    }

    public int status() {
        return response.join().statusCode();
    }

    public List<Event> events() {
        return new ArrayList<>(events);
    }

    public List<String> comments() {
        return new ArrayList<>(comments);
    }

    public Event await(Predicate<Event> matching, Duration timeout) throws InterruptedException {
        awaitTrue(() -> events.stream().anyMatch(matching), timeout);
        return events.stream().filter(matching).findFirst().orElseThrow();
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met within " + timeout);
            }
            Thread.sleep(20);
        }
    }

    @Override
    public void close() {
        response.cancel(true);
        if (lines != null) {
            lines.close();
        }
    }

    public record Event(String id, String name, String data) {
        public JsonNode json() {
            try {
                return JSON.readTree(data);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
