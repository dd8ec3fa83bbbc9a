package io.tasklog.query.stream;

import io.tasklog.api.query.WatchChangesQuery;
import io.tasklog.projections.stream.StreamEventLog;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** Initial result of a stream subscription: where the caller's change log stands now. */
@Component
public class ChangeWatchQueryHandler {

    private final StreamEventLog log;

    public ChangeWatchQueryHandler(StreamEventLog log) {
        this.log = log;
    }

    @QueryHandler
    public Long handle(WatchChangesQuery query) {
        return log.latest(query.userId());
    }
}
