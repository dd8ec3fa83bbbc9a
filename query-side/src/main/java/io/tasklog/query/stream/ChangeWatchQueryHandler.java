package io.tasklog.query.stream;

import io.tasklog.api.query.WatchChangesQuery;
import io.tasklog.api.stream.StreamChange;
import io.tasklog.projections.stream.StreamEventLog;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** Initial result of a stream subscription: what the client missed since its Last-Event-ID. */
@Component
public class ChangeWatchQueryHandler {

    /** A client away for longer than this many changes reloads its lists instead (see the stream's "reset"). */
    static final int MAX_CATCH_UP = 1000;

    private final StreamEventLog log;

    public ChangeWatchQueryHandler(StreamEventLog log) {
        this.log = log;
    }

    @QueryHandler
    public List<StreamChange> handle(WatchChangesQuery query) {
        if (query.afterSequence() < 0) {
            return List.of();
        }
        return log.since(query.userId(), query.afterSequence(), MAX_CATCH_UP);
    }
}
