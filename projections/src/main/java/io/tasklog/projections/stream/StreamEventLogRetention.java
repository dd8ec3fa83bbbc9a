package io.tasklog.projections.stream;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the change log behind {@code Last-Event-ID} bounded: a client away for longer than the retention
 * ({@code tasklog.stream.retention}, default one day) reloads its lists instead of replaying changes.
 */
@Component
public class StreamEventLogRetention {

    private static final Logger log = LoggerFactory.getLogger(StreamEventLogRetention.class);

    private final StreamEventLog changeLog;
    private final Clock clock;
    private final Duration retention;

    public StreamEventLogRetention(StreamEventLog changeLog, Clock clock,
                                   @Value("${tasklog.stream.retention:P1D}") Duration retention) {
        this.changeLog = changeLog;
        this.clock = clock;
        this.retention = retention;
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "${tasklog.stream.retention-check:PT1H}")
    public int prune() {
        int dropped = changeLog.deleteOlderThan(clock.instant().minus(retention));
        if (dropped > 0) {
            log.info("Dropped {} stream change-log entries older than {}", dropped, retention);
        }
        return dropped;
    }
}
