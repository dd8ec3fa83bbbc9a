package io.tasklog.projections.recentevents;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tasklog.api.recent.RecentTaskEvent;
import io.tasklog.api.task.TaskChanges;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code recent_task_event} table: a user's recent task events, one row per stored event. */
@Repository
public class RecentEventRepository {

    public static final String TABLE = "recent_task_event";

    private static final TypeReference<Map<String, TaskChanges.FieldChange>> CHANGES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper mapper;

    public RecentEventRepository(JdbcClient jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    /** Stores the event unless its row exists (a redelivery); true when it was inserted. */
    public boolean insert(String table, String userId, long sequence, RecentTaskEvent event) {
        return jdbc.sql("insert into " + table + """
                         (event_id, user_id, task_id, sequence, type, title, at, changes)
                        values (:id, :user, :task, :sequence, :type, :title, :at, cast(:changes as json))
                        on conflict (event_id) do nothing""")
                .param("id", event.eventId()).param("user", userId).param("task", event.taskId())
                .param("sequence", sequence).param("type", event.type()).param("title", event.title())
                .param("at", Timestamp.from(event.at())).param("changes", toJson(event.changes()))
                .update() == 1;
    }

    /** The user's events at or after {@code since}, newest first, at most {@code limit}. */
    public List<RecentTaskEvent> newest(String userId, Instant since, int limit) {
        return jdbc.sql("""
                        select event_id, type, task_id, title, at, changes from recent_task_event
                        where user_id = :user and at >= :since
                        order by at desc, sequence desc, event_id limit :limit""")
                .param("user", userId).param("since", Timestamp.from(since)).param("limit", limit)
                .query((rs, n) -> new RecentTaskEvent(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getTimestamp(5).toInstant(), fromJson(rs.getString(6))))
                .list();
    }

    /** Deletes the rows of events older than {@code cutoff}; returns how many. */
    public int deleteOlderThan(Instant cutoff) {
        return jdbc.sql("delete from recent_task_event where at < :cutoff").param("cutoff", Timestamp.from(cutoff)).update();
    }

    private String toJson(Map<String, TaskChanges.FieldChange> changes) {
        try {
            return mapper.writeValueAsString(changes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("changes not writable as JSON", e);
        }
    }

    private Map<String, TaskChanges.FieldChange> fromJson(String json) {
        try {
            return mapper.readValue(json, CHANGES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable changes in " + TABLE, e);
        }
    }
}
