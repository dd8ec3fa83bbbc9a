package io.tasklog.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One user's {@code GET /api/stream}, read on its own daemon thread. Events go to the consumer on that
 * thread (keep the consumer quick). When the stream ends or fails it reconnects after a short pause with
 * {@code Last-Event-ID}, and counts that, so a benchmark can tell a lossy run from a quiet server.
 */
public final class SseClient implements AutoCloseable {

    private final Api api;
    private final Consumer<SseEvent> consumer;
    private final String name;
    private final CountDownLatch connected = new CountDownLatch(1);
    private final AtomicLong events = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();
    private volatile String lastError;
    private volatile boolean closed;
    private volatile InputStream body;
    private Thread reader;

    public SseClient(Api api, String name, Consumer<SseEvent> consumer) {
        this.api = api;
        this.name = name;
        this.consumer = consumer;
    }

    /** Opens the stream in the background; see {@link #awaitConnected(Duration)}. */
    public SseClient start() {
        reader = new Thread(this::run, "sse-" + name);
        reader.setDaemon(true);
        reader.start();
        return this;
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

    private void run() {
        SseParser parser = new SseParser(new SseParser.Listener() {
            @Override
            public void onEvent(SseEvent event) {
                events.incrementAndGet();
                consumer.accept(event);
            }

            @Override
            public void onComment(String comment) {
                connected.countDown();
            }
        });
        boolean first = true;
        while (!closed) {
            if (!first) {
                reconnects.incrementAndGet();
                sleepQuietly(500);
            }
            first = false;
            HttpRequest.Builder request = HttpRequest.newBuilder(api.uri("/api/stream"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Accept", "text/event-stream")
                    .header("Authorization", "Bearer " + api.token())
                    .GET();
            if (parser.lastEventId() != null && !parser.lastEventId().isEmpty()) {
                request.header("Last-Event-ID", parser.lastEventId());
            }
            try {
                HttpResponse<InputStream> response = api.http().send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
                body = response.body();
                if (response.statusCode() != 200) {
                    lastError = "GET /api/stream answered " + response.statusCode();
                    body.close();
                    continue;
                }
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                    String line;
                    while (!closed && (line = lines.readLine()) != null) {
                        if (connected.getCount() > 0) {
                            connected.countDown();
                        }
                        parser.line(line);
                    }
                }
                parser.reset();
                if (!closed) {
                    lastError = "stream ended by the server";
                }
            } catch (IOException e) {
                parser.reset();
                if (!closed) {
                    lastError = e.toString();
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        InputStream current = body;
        if (current != null) {
            try {
                current.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        if (reader != null) {
            reader.interrupt();
        }
    }
}
