package io.tasklog.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.util.retry.Retry;

/**
 * One user's {@code GET /api/stream} with Spring's {@link WebClient} and {@link ServerSentEvent} (the event-stream
 * parsing is Spring's), read on Reactor Netty's threads. Events go to the consumer on such a thread (keep the
 * consumer quick). When the stream ends or fails it reconnects after a short pause with {@code Last-Event-ID},
 * and counts that, so a benchmark can tell a lossy run from a quiet server.
 */
public final class SseClient implements AutoCloseable {

    private static final ParameterizedTypeReference<ServerSentEvent<String>> SSE = new ParameterizedTypeReference<>() {
    };
    /**
     * A connection of its own per stream, unpooled: Reactor Netty's default pool holds at most 500 connections
     * per host, and a benchmark opens thousands of streams.
     */
    private static final WebClient HTTP = WebClient.builder().clientConnector(
            new ReactorClientHttpConnector(HttpClient.create(ConnectionProvider.newConnection()))).build();
    private static final Duration RECONNECT_PAUSE = Duration.ofMillis(500);

    private final Api api;
    private final Consumer<SseEvent> consumer;
    private final CountDownLatch connected = new CountDownLatch(1);
    private final AtomicLong events = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();
    private final AtomicLong connections = new AtomicLong();
    private volatile String lastEventId;
    private volatile String lastError;
    private volatile Disposable reading;

    public SseClient(Api api, String name, Consumer<SseEvent> consumer) {
        this.api = api;
        this.consumer = consumer;
    }

    /** Opens the stream in the background; see {@link #awaitConnected(Duration)}. */
    public SseClient start() {
        reading = Flux.defer(this::connect)
                .repeatWhen(ended -> ended.delayElements(RECONNECT_PAUSE))
                .retryWhen(Retry.fixedDelay(Long.MAX_VALUE, RECONNECT_PAUSE)
                        .doBeforeRetry(failure -> lastError = failure.failure().toString()))
                .subscribe(this::received);
        return this;
    }

    private Flux<ServerSentEvent<String>> connect() {
        if (connections.getAndIncrement() > 0) {
            reconnects.incrementAndGet();
        }
        return HTTP.get().uri(api.uri("/api/stream"))
                .accept(MediaType.TEXT_EVENT_STREAM)
                .headers(headers -> {
                    headers.setBearerAuth(api.token());
                    if (lastEventId != null && !lastEventId.isEmpty()) {
                        headers.set("Last-Event-ID", lastEventId);
                    }
                })
                .exchangeToFlux(response -> response.statusCode().value() == 200 ? response.bodyToFlux(SSE)
                        : response.releaseBody().thenMany(Flux.<ServerSentEvent<String>>error(new IllegalStateException(
                                "GET /api/stream answered " + response.statusCode().value()))))
                .doOnComplete(() -> lastError = "stream ended by the server");
    }

    private void received(ServerSentEvent<String> event) {
        long nanos = System.nanoTime();
        connected.countDown(); // the first thing the server sends is its ": connected" comment
        if (event.id() != null) {
            lastEventId = event.id();
        }
        if (event.data() != null) {
            events.incrementAndGet();
            consumer.accept(new SseEvent(lastEventId, event.event() == null ? "message" : event.event(), event.data(),
                    nanos, Instant.now()));
        }
    }

    /** True once the server has sent its first line (the {@code : connected} comment) on the first connection. */
    public boolean awaitConnected(Duration timeout) throws InterruptedException {
        return connected.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public long events() {
        return events.get();
    }

    public long reconnects() {
        return reconnects.get();
    }

    public String lastError() {
        return lastError;
    }

    @Override
    public void close() {
        Disposable current = reading;
        if (current != null) {
            current.dispose();
        }
    }
}
