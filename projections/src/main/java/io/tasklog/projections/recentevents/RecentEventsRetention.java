package io.tasklog.projections.recentevents;

import java.time.Clock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes recent events once they are older than the window. Readers filter by the window anyway, so this only
 * keeps the table small; every instance may run it, deleting twice changes nothing.
 */
@Component
public class RecentEventsRetention {

    private final RecentEventRepository events;
    private final Clock clock;
    private final RecentEventsProperties properties;

    public RecentEventsRetention(RecentEventRepository events, Clock clock, RecentEventsProperties properties) {
        this.events = events;
        this.clock = clock;
        this.properties = properties;
    }

    @Scheduled(initialDelayString = "${tasklog.mcp.recent-events.prune-interval:PT1M}",
            fixedDelayString = "${tasklog.mcp.recent-events.prune-interval:PT1M}")
    public int prune() {
        return events.deleteOlderThan(clock.instant().minus(properties.window()));
    }
}
