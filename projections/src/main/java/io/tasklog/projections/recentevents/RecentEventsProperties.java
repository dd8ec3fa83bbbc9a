package io.tasklog.projections.recentevents;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tasklog.mcp.recent-events.*}: how far back the recent-events read model looks ({@code window}, older
 * events are neither stored nor shown), how many events a client is given ({@code limit}) and how often rows
 * that left the window are deleted ({@code prune-interval}).
 */
@ConfigurationProperties("tasklog.mcp.recent-events")
public record RecentEventsProperties(
        @DefaultValue("PT1H") Duration window,
        @DefaultValue("20") int limit,
        @DefaultValue("PT1M") Duration pruneInterval) {
}
