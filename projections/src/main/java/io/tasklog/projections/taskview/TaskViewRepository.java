package io.tasklog.projections.taskview;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tasklog.api.task.TaskView;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code task_view} table: one row per task with the columns the list filters and sorts on, and
 * the whole view as JSON. A deleted task keeps its row (flagged) so that a late redelivery of an
 * older event can be recognised and cannot bring it back.
 */
@Repository
public class TaskViewRepository {

    public static final String TABLE = "task_view";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;
    private final ObjectMapper mapper;

    public TaskViewRepository(JdbcClient jdbc, NamedParameterJdbcTemplate named, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.named = named;
        this.mapper = mapper;
    }

    /** The stored row for a task, deleted or not. */
    public Optional<StoredTaskView> find(String taskId) {
        return jdbc.sql("select body, version, deleted from task_view where id = :id")
                .param("id", taskId)
                .query((rs, n) -> new StoredTaskView(read(rs.getString(1)), rs.getLong(2), rs.getBoolean(3)))
                .optional();
    }

    /** The caller's live (not deleted) task. */
    public Optional<TaskView> findOwned(String taskId, String ownerId) {
        return jdbc.sql("select body from task_view where id = :id and owner_id = :owner and not deleted")
                .param("id", taskId).param("owner", ownerId)
                .query((rs, n) -> read(rs.getString(1)))
                .optional();
    }

    /** Stores {@code view} at {@code version} unless the row is already at that version or newer. */
    public boolean save(TaskView view, long version, boolean deleted) {
        return jdbc.sql(upsert(TABLE)).paramSource(row(view, version, deleted)).update() == 1;
    }

    /** The stored rows of these tasks in {@code table} (the live table or a rebuild's shadow copy). */
    public Map<String, StoredTaskView> findAll(String table, Collection<String> taskIds) {
        Map<String, StoredTaskView> rows = new HashMap<>();
        jdbc.sql("select id, body, version, deleted from " + table + " where id = any(:ids)")
                .param("ids", taskIds.toArray(String[]::new))
                .query((rs, n) -> rows.put(rs.getString(1),
                        new StoredTaskView(read(rs.getString(2)), rs.getLong(3), rs.getBoolean(4))))
                .list();
        return rows;
    }

    /** Stores many rows in one batch, each unless its row is already at that version or newer. */
    public void saveAll(String table, Collection<StoredTaskView> rows) {
        named.batchUpdate(upsert(table), rows.stream()
                .map(row -> row(row.view(), row.version(), row.deleted())).toArray(SqlParameterSource[]::new));
    }

    private static String upsert(String table) {
        return """
                insert into %1$s (id, owner_id, version, deleted, status, priority_rank, title, description,
                                  tags, due_at, due_sort, title_sort, created_ms, updated_ms, body)
                values (:id, :owner, :version, :deleted, :status, :rank, :title, :description,
                        :tags, :dueAt, :dueSort, :titleSort, :createdMs, :updatedMs, cast(:body as jsonb))
                on conflict (id) do update set
                    version = excluded.version, deleted = excluded.deleted, status = excluded.status,
                    priority_rank = excluded.priority_rank, title = excluded.title,
                    description = excluded.description, tags = excluded.tags, due_at = excluded.due_at,
                    due_sort = excluded.due_sort, title_sort = excluded.title_sort,
                    created_ms = excluded.created_ms, updated_ms = excluded.updated_ms, body = excluded.body
                where %1$s.version < excluded.version""".formatted(table);
    }

    private MapSqlParameterSource row(TaskView view, long version, boolean deleted) {
        return new MapSqlParameterSource()
                .addValue("id", view.id())
                .addValue("owner", view.ownerId())
                .addValue("version", version)
                .addValue("deleted", deleted)
                .addValue("status", view.status().name().toLowerCase(java.util.Locale.ROOT))
                .addValue("rank", view.priority().ordinal())
                .addValue("title", view.title())
                .addValue("description", view.description())
                .addValue("tags", view.tags().toArray(String[]::new))
                .addValue("dueAt", view.dueAt() == null ? null : java.sql.Timestamp.from(view.dueAt()))
                .addValue("dueSort", view.dueAt() == null ? Long.MAX_VALUE : view.dueAt().toEpochMilli())
                .addValue("titleSort", view.title().toLowerCase(java.util.Locale.ROOT))
                .addValue("createdMs", view.createdAt().toEpochMilli())
                .addValue("updatedMs", view.updatedAt().toEpochMilli())
                .addValue("body", write(view));
    }

    TaskView read(String json) {
        try {
            return mapper.readValue(json, TaskView.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable task_view row", e);
        }
    }

    private String write(TaskView view) {
        try {
            return mapper.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A row as stored: the view, the version it reflects, and whether the task is deleted. */
    public record StoredTaskView(TaskView view, long version, boolean deleted) {
    }
}
