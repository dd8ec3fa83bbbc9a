package io.tasklog.query.stream;

import io.tasklog.api.query.WatchChangesQuery;
import io.tasklog.api.stream.StreamChange;
import io.tasklog.projections.stream.StreamEventLog;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    private final Map<String, Entry> feeds = new HashMap<>();
    private volatile long checkedUpTo = -1;

    public UserChangeFeeds(QueryGateway queries, StreamEventLog log, JdbcClient jdbc) {
        this.queries = queries;
        this.log = log;
        this.jdbc = jdbc;
    }

    /** The user's feed, opened with the first stream; {@link #release} it when the stream ends. */
    UserChangeFeed acquire(String userId) {
        synchronized (feeds) {
            Entry entry = feeds.get(userId);
            if (entry == null) {
                entry = open(userId);
                feeds.put(userId, entry);
            }
            entry.streams++;
            return entry.feed;
        }
    }

    void release(String userId) {
        synchronized (feeds) {
            Entry entry = feeds.get(userId);
            if (entry != null && --entry.streams == 0) {
                feeds.remove(userId);
                entry.close();
            }
        }
    }

    /** Safety net: one query for every user of this instance whose log grew without a signal getting here. */
    @Scheduled(fixedDelayString = "PT5S", initialDelayString = "PT5S")
    void checkForMissedSignals() {
        List<String> users;
        synchronized (feeds) {
            if (feeds.isEmpty()) {
                checkedUpTo = -1;
                return;
            }
            users = List.copyOf(feeds.keySet());
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
        Entry entry;
        synchronized (feeds) {
            entry = feeds.get(userId);
        }
        if (entry != null) {
            entry.feed.signal();
        }
    }

    private Entry open(String userId) {
        SubscriptionQueryResult<Long, StreamChange> subscription = queries.subscriptionQuery(
                new WatchChangesQuery(userId), ResponseTypes.instanceOf(Long.class), ResponseTypes.instanceOf(StreamChange.class));
        Long latest = subscription.initialResult().block();
        UserChangeFeed feed = new UserChangeFeed(userId, log, latest == null ? 0 : latest);
        Disposable updates = subscription.updates().subscribe(change -> feed.signal(), error -> { }, () -> { });
        return new Entry(feed, subscription, updates);
    }

    private static final class Entry {
        private final UserChangeFeed feed;
        private final SubscriptionQueryResult<Long, StreamChange> subscription;
        private final Disposable updates;
        private int streams;

        private Entry(UserChangeFeed feed, SubscriptionQueryResult<Long, StreamChange> subscription, Disposable updates) {
            this.feed = feed;
            this.subscription = subscription;
            this.updates = updates;
        }

        private void close() {
            updates.dispose();
            subscription.cancel();
            feed.close();
        }
    }
}
