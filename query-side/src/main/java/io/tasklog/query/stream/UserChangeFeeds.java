package io.tasklog.query.stream;

import io.tasklog.api.query.WatchChangesQuery;
import io.tasklog.api.stream.StreamChange;
import io.tasklog.projections.stream.StreamEventLog;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;

/**
 * This instance's {@link UserChangeFeed}s: one per user with open streams here, shared by all of that user's
 * streams, so the database work follows the number of changes, not the number of connections. Each feed holds
 * one subscription query (updates arrive from topic task-updates, see {@link StreamChangeListener}); one
 * periodic query for the whole instance covers a signal that never came.
 */
@Component
public class UserChangeFeeds {

    private final QueryGateway queries;
    private final StreamEventLog log;
    private final JdbcClient jdbc;
    private final Map<String, Entry> feeds = new ConcurrentHashMap<>();
    private volatile long checkedUpTo = -1;

    public UserChangeFeeds(QueryGateway queries, StreamEventLog log, JdbcClient jdbc) {
        this.queries = queries;
        this.log = log;
        this.jdbc = jdbc;
    }

    /**
     * The user's feed, opened with the first stream; {@link #release} it when the stream ends. Opening (a
     * subscription query and its first read) happens outside the map's lock, so first streams of different
     * users open their feeds at the same time; a user's second stream waits for that user's feed only.
     */
    UserChangeFeed acquire(String userId) {
        Entry entry = feeds.compute(userId, (user, existing) -> (existing == null ? new Entry(user) : existing).join());
        try {
            return entry.feed();
        } catch (RuntimeException e) {
            release(userId);
            throw e;
        }
    }

    void release(String userId) {
        Entry[] ended = new Entry[1];
        feeds.computeIfPresent(userId, (user, entry) -> {
            if (entry.leave()) {
                return entry;
            }
            ended[0] = entry;
            return null;
        });
        if (ended[0] != null) {
            ended[0].close();
        }
    }

    /** Safety net: one query for every user of this instance whose log grew without a signal getting here. */
    @Scheduled(fixedDelayString = "PT5S", initialDelayString = "PT5S")
    void checkForMissedSignals() {
        List<String> users = List.copyOf(feeds.keySet());
        if (users.isEmpty()) {
            checkedUpTo = -1;
            return;
        }
        long from = checkedUpTo >= 0 ? checkedUpTo : log.latestOfAll();
        long[] newest = {from};
        jdbc.sql("select user_id, max(sequence) from stream_event where sequence > :from and user_id = any(:users)"
                        + " group by user_id")
                .param("from", from).param("users", users.toArray(String[]::new))
                .query((rs, n) -> {
                    newest[0] = Math.max(newest[0], rs.getLong(2));
                    signal(rs.getString(1));
                    return null;
                }).list();
        checkedUpTo = Math.max(newest[0], from);
    }

    void signal(String userId) {
        Entry entry = feeds.get(userId);
        if (entry != null) {
            entry.signal();
        }
    }

    /** A user's feed and its streams on this instance; the feed is opened by the first stream that needs it. */
    private final class Entry {
        private final String userId;
        private int streams;
        private volatile UserChangeFeed feed;
        private SubscriptionQueryResult<Long, StreamChange> subscription;
        private Disposable updates;
        private volatile boolean closed;

        private Entry(String userId) {
            this.userId = userId;
        }

        /** Called under the map's lock for this user. */
        private Entry join() {
            streams++;
            return this;
        }

        /** Called under the map's lock for this user: false when the last stream left. */
        private boolean leave() {
            return --streams > 0;
        }

        private synchronized UserChangeFeed feed() {
            if (feed == null) {
                subscription = queries.subscriptionQuery(new WatchChangesQuery(userId),
                        ResponseTypes.instanceOf(Long.class), ResponseTypes.instanceOf(StreamChange.class));
                Long latest = subscription.initialResult().block();
                UserChangeFeed opened = new UserChangeFeed(userId, log, latest == null ? 0 : latest);
                updates = subscription.updates().subscribe(change -> opened.signal(), error -> { }, () -> { });
                feed = opened;
            }
            return feed;
        }

        /** Never waits for a feed being opened: the open reads the log itself, after the signal's change. */
        private void signal() {
            UserChangeFeed opened = feed;
            if (opened != null && !closed) {
                opened.signal();
            }
        }

        private synchronized void close() {
            closed = true;
            if (feed != null) {
                updates.dispose();
                subscription.cancel();
                feed.close();
            }
        }
    }
}
