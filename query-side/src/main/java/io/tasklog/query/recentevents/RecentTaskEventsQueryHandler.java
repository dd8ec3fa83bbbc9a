package io.tasklog.query.recentevents;

import io.tasklog.api.recent.FindRecentTaskEventsQuery;
import io.tasklog.api.recent.RecentTaskEvent;
import io.tasklog.projections.recentevents.RecentEventRepository;
import io.tasklog.projections.recentevents.RecentEventsProperties;
import java.time.Clock;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * The caller's recent task events from the {@code mcp-context} read model: inside the window only (rows wait
 * for the next prune to be deleted), newest first, never more than the configured limit.
 */
@Component
public class RecentTaskEventsQueryHandler {

    private final RecentEventRepository events;
    private final RecentEventsProperties properties;
    private final Clock clock;

    public RecentTaskEventsQueryHandler(RecentEventRepository events, RecentEventsProperties properties, Clock clock) {
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    @QueryHandler
    public List<RecentTaskEvent> handle(FindRecentTaskEventsQuery query) {
        int limit = Math.max(1, Math.min(query.limit(), properties.limit()));
        return events.newest(query.userId(), clock.instant().minus(properties.window()), limit);
    }
}
