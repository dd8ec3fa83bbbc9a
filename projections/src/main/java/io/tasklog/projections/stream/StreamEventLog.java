package io.tasklog.projections.stream;

import io.tasklog.api.stream.StreamChange;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The per-user change log behind SSE event ids and Last-Event-ID resumption. */
@Repository
public class StreamEventLog {

    private final JdbcClient jdbc;

    public StreamEventLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Any constant: the key of the advisory lock that orders appends (see {@link #append}). */
    private static final long APPEND_LOCK = 7_420_001L;

    /**
     * Records a change in the current transaction and returns it with its sequence. Appends are serialised
     * by a transaction-scoped advisory lock, so sequences become visible in commit order: a reader that has
     * seen sequence N can never later find a committed N-1 it missed (the projections write this log from
     * different threads and instances).
     */
    public StreamChange append(String userId, String kind, String subjectId, long version) {
        jdbc.sql("select pg_advisory_xact_lock(:key)").param("key", APPEND_LOCK).query((rs, n) -> 1).list();
        long sequence = jdbc.sql("""
                        insert into stream_event (user_id, kind, subject_id, version)
                        values (:user, :kind, :subject, :version) returning sequence""")
                .param("user", userId).param("kind", kind).param("subject", subjectId).param("version", version)
                .query(Long.class).single();
        return new StreamChange(sequence, userId, kind, subjectId, version);
    }

    /** The user's changes after {@code sequence}, oldest first, at most {@code limit}. */
    public List<StreamChange> since(String userId, long sequence, int limit) {
        return jdbc.sql("""
                        select sequence, user_id, kind, subject_id, version from stream_event
                        where user_id = :user and sequence > :after order by sequence limit :limit""")
                .param("user", userId).param("after", sequence).param("limit", limit)
                .query((rs, n) -> new StreamChange(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getLong(5)))
                .list();
    }

    /** Drops entries older than {@code cutoff}; returns how many. */
    public int deleteOlderThan(java.time.Instant cutoff) {
        return jdbc.sql("delete from stream_event where created_at < :cutoff")
                .param("cutoff", java.sql.Timestamp.from(cutoff)).update();
    }

    /** The newest sequence of all users' logs (0 when empty). */
    public long latestOfAll() {
        return jdbc.sql("select coalesce(max(sequence), 0) from stream_event").query(Long.class).single();
    }

    /** The newest sequence of the user's log (0 when empty). */
    public long latest(String userId) {
        return jdbc.sql("select coalesce(max(sequence), 0) from stream_event where user_id = :user")
                .param("user", userId).query(Long.class).single();
    }
}
