package io.tasklog.app.operations;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.tasklog.command.streaming.TaskEventsKafkaPublisher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Samples every processor every few seconds (one query of the token and dead-letter tables, one Kafka offsets
 * request) and serves the sample to Prometheus and to the health endpoint, so neither a scrape nor a health
 * check ever waits on Kafka. Health stays UP with a processor in error or letters parked: one bad task must
 * not take an instance out of service; the details say what is wrong.
 */
@Component("processors")
public class ProcessorHealthAndMetrics implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(ProcessorHealthAndMetrics.class);

    private final ProcessorMonitor monitor;
    private final MultiGauge lag;
    private final MultiGauge deadLetters;
    private final AtomicLong publisherLag = new AtomicLong();
    private volatile List<ProcessorStatus> last = List.of();

    ProcessorHealthAndMetrics(ProcessorMonitor monitor, MeterRegistry registry) {
        this.monitor = monitor;
        this.lag = MultiGauge.builder("tasklog.processor.lag.events")
                .description("Events a processor segment is behind the head of its source").register(registry);
        this.deadLetters = MultiGauge.builder("tasklog.dead.letters")
                .description("Events parked in a processor's dead-letter queue").register(registry);
        registry.gauge("tasklog.kafka.publisher.lag.events", publisherLag);
    }

    @Scheduled(fixedDelayString = "${tasklog.operations.sample-interval:PT5S}", initialDelayString = "PT5S")
    void sample() {
        try {
            ProcessorMonitor.Sample sample = monitor.sample();
            last = sample.statuses();
            List<MultiGauge.Row<?>> lagRows = new ArrayList<>();
            sample.lagPerSegment().forEach((processor, segments) -> segments.forEach((segment, events) ->
                    lagRows.add(MultiGauge.Row.of(Tags.of("processor", processor, "segment", segment.toString()), events))));
            lag.register(lagRows, true);
            deadLetters.register(last.stream().map(status ->
                    MultiGauge.Row.of(Tags.of("processor", status.name()), status.deadLetters())).toList(), true);
            last.stream().filter(status -> status.name().equals(TaskEventsKafkaPublisher.PROCESSING_GROUP))
                    .findFirst().ifPresent(status -> publisherLag.set(status.lag()));
        } catch (RuntimeException e) {
            log.warn("Could not sample the event processors: {}", e.toString());
        }
    }

    @Override
    public Health health() {
        Map<String, Object> details = new LinkedHashMap<>();
        for (ProcessorStatus status : last) {
            details.put(status.name(), Map.of("status", status.status(), "lag", status.lag(),
                    "deadLetters", status.deadLetters()));
        }
        boolean troubled = last.stream().anyMatch(s -> ProcessorStatus.ERROR.equals(s.status()) || s.deadLetters() > 0);
        return Health.up().withDetail("attention", troubled).withDetails(details).build();
    }
}
