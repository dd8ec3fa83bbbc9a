package io.tasklog.app.operations.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.tasklog.api.query.WatchChangesQuery;
import org.axonframework.queryhandling.QueryUpdateEmitter;

/**
 * {@code tasklog_sse_streams_open}: open {@code /api/stream} connections on this instance. Each open stream
 * holds exactly one {@link WatchChangesQuery} subscription (cancelled when the stream ends), so they are
 * counted from the query update emitter's active subscriptions, when scraped; the stream code keeps no
 * count of its own.
 */
final class OpenStreamsGauge implements MeterBinder {

    static final String METRIC = "tasklog.sse.streams.open";

    private final QueryUpdateEmitter emitter;

    OpenStreamsGauge(QueryUpdateEmitter emitter) {
        this.emitter = emitter;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(METRIC, emitter, OpenStreamsGauge::openStreams)
                .description("Open /api/stream (Server-Sent Events) connections on this instance")
                .register(registry);
    }

    private static double openStreams(QueryUpdateEmitter emitter) {
        return emitter.activeSubscriptions().stream()
                .filter(subscription -> subscription.getPayload() instanceof WatchChangesQuery)
                .count();
    }
}
