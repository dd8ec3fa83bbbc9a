package io.tasklog.projections.taskview;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tasklog.api.task.TaskView;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code task_view} table: one row per task with the columns the list filters and sorts on, and
 * the whole view as JSON. A deleted task keeps its row (flagged) so that a late redelivery of an
 * older event can be recognised and cannot bring it back.
 */
@Repository
public class TaskViewRepository {

    private final JdbcClient jdbc;
    private final ObjectMapper mapper;

    public TaskViewRepository(JdbcClient jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
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
        return jdbc.sql("""
                        insert into task_view (id, owner_id, version, deleted, status, priority_rank, title, description,
                                               tags, due_at, due_sort, title_sort, created_ms, updated_ms, body)
                        values (:id, :owner, :version, :deleted, :status, :rank, :title, :description,
                                :tags, :dueAt, :dueSort, :titleSort, :createdMs, :updatedMs, cast(:body as jsonb))
                        on conflict (id) do update set
                            version = excluded.version, deleted = excluded.deleted, status = excluded.status,
                            priority_rank = excluded.priority_rank, title = excluded.title,
                            description = excluded.description, tags = excluded.tags, due_at = excluded.due_at,
                            due_sort = excluded.due_sort, title_sort = excluded.title_sort,
                            created_ms = excluded.created_ms, updated_ms = excluded.updated_ms, body = excluded.body
                        where task_view.version < excluded.version""")
                .param("id", view.id())
                .param("owner", view.ownerId())
                .param("version", version)
                .param("deleted", deleted)
                .param("status", view.status().name().toLowerCase(java.util.Locale.ROOT))
                .param("rank", view.priority().ordinal())
                .param("title", view.title())
                .param("description", view.description())
                .param("tags", view.tags().toArray(String[]::new))
                .param("dueAt", view.dueAt() == null ? null : java.sql.Timestamp.from(view.dueAt()))
                .param("dueSort", view.dueAt() == null ? Long.MAX_VALUE : view.dueAt().toEpochMilli())
                .param("titleSort", view.title().toLowerCase(java.util.Locale.ROOT))
                .param("createdMs", view.createdAt().toEpochMilli())
                .param("updatedMs", view.updatedAt().toEpochMilli())
                .param("body", write(view))
                .update() == 1;
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
