package io.tasklog.query.stream;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Completes every open stream when the application stops. Open SSE responses would otherwise hold
 * graceful shutdown for its whole timeout; clients reconnect (with Last-Event-ID) to another instance.
 * Stops in the highest phase, before the web server starts waiting for requests to finish.
 */
@Component
public class StreamShutdown implements SmartLifecycle {

    private final Sinks.Empty<Void> stopping = Sinks.empty();
    private volatile boolean running;

    public Mono<Void> signal() {
        return stopping.asMono();
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        stopping.tryEmitEmpty();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
