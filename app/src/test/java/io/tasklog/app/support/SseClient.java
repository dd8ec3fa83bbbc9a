package io.tasklog.app.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

/**
 * {@code GET /api/stream} as a non-browser client reads it: Spring's {@link WebClient} with {@link ServerSentEvent}
 * (the event-stream parsing is Spring's) on Reactor Netty, whose {@link #close()} closes the connection, so the
 * server sees the stream end. The stream is read on Netty's threads, never on the test's (a test thread asking
 * for {@link #status()} must not end up running the endless read).
 */
public class SseClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ParameterizedTypeReference<ServerSentEvent<String>> SSE = new ParameterizedTypeReference<>() {
    };
    private static final WebClient HTTP = WebClient.builder().clientConnector(new ReactorClientHttpConnector()).build();

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final List<String> comments = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Integer> status = new CompletableFuture<>();
    private final Disposable reading;

    public SseClient(String baseUrl, String token, String lastEventId) {
        reading = HTTP.get().uri(baseUrl + "/api/stream")
                .accept(MediaType.TEXT_EVENT_STREAM)
                .headers(headers -> {
                    headers.setBearerAuth(token);
                    if (lastEventId != null) {
                        headers.set("Last-Event-ID", lastEventId);
                    }
                })
                .exchangeToFlux(response -> {
                    status.complete(response.statusCode().value());
                    return response.statusCode().is2xxSuccessful() ? response.bodyToFlux(SSE)
                            : response.releaseBody().thenMany(Flux.empty());
                })
                .subscribe(this::received, status::completeExceptionally);
    }

    private void received(ServerSentEvent<String> event) {
        if (event.comment() != null) {
            event.comment().lines().map(String::strip).forEach(comments::add);
        }
        if (event.data() != null) {
            events.add(new Event(event.id(), event.event(), event.data()));
        }
    }

    /** Waits until the server has opened the stream (its first comment arrived). */
    public SseClient awaitConnected() {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> comments.contains("connected"));
        return this;
    }

    public int status() {
        return status.join();
    }

    public List<Event> events() {
        return new ArrayList<>(events);
    }

    public List<String> comments() {
        return new ArrayList<>(comments);
    }

    public Event await(Predicate<Event> matching, Duration timeout) {
        Awaitility.await().atMost(timeout).until(() -> events.stream().anyMatch(matching));
        return events.stream().filter(matching).findFirst().orElseThrow();
    }

    @Override
    public void close() {
        reading.dispose();
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
