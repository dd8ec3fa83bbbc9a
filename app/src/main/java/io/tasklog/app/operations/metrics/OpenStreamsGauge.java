package io.tasklog.app.operations.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.tasklog.query.stream.StreamSlots;

/**
 * {@code tasklog_sse_streams_open}: open {@code /api/stream} connections on this instance, as the stream slots
 * count them (a stream's slot is released when it ends; a client that went away is noticed at the next
 * heartbeat).
 */
final class OpenStreamsGauge implements MeterBinder {

    static final String METRIC = "tasklog.sse.streams.open";

    private final StreamSlots slots;

    OpenStreamsGauge(StreamSlots slots) {
        this.slots = slots;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(METRIC, slots, open -> open.openStreams())
                .description("Open /api/stream (Server-Sent Events) connections on this instance")
                .register(registry);
    }
}
