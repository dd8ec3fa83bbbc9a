package io.tasklog.projections.taskview;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tasklog.api.task.TaskView;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
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

    /** Rows per statement of {@link #saveAll} (× {@value #COLUMNS} parameters, well below PostgreSQL's 32,767). */
    static final int ROWS_PER_STATEMENT = 200;
    private static final int COLUMNS = 15;

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
        return named.getJdbcTemplate().update(upsert(TABLE), ps -> bind(ps, 0, new StoredTaskView(view, version, deleted))) == 1;
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

    /**
     * Stores many rows, each unless its row is already at that version or newer: {@value #ROWS_PER_STATEMENT} rows
     * per statement (PostgreSQL then plans and executes one statement per block instead of one per row), sent as
     * one JDBC batch.
     */
    public void saveAll(String table, Collection<StoredTaskView> rows) {
        List<StoredTaskView> all = List.copyOf(rows);
        int blocks = all.size() / ROWS_PER_STATEMENT;
        if (blocks > 0) {
            named.getJdbcTemplate().batchUpdate(upsert(table, ROWS_PER_STATEMENT), new BatchPreparedStatementSetter() {
                @Override
                public void setValues(PreparedStatement ps, int block) throws SQLException {
                    bindAll(ps, all.subList(block * ROWS_PER_STATEMENT, (block + 1) * ROWS_PER_STATEMENT));
                }

                @Override
                public int getBatchSize() {
                    return blocks;
                }
            });
        }
        List<StoredTaskView> rest = all.subList(blocks * ROWS_PER_STATEMENT, all.size());
        if (!rest.isEmpty()) {
            named.getJdbcTemplate().update(upsert(table, rest.size()), ps -> bindAll(ps, rest));
        }
    }

    private static String upsert(String table) {
        return upsert(table, 1);
    }

    private static String upsert(String table, int rows) {
        String row = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))";
        return """
                insert into %1$s (id, owner_id, version, deleted, status, priority_rank, title, description,
                                  tags, due_at, due_sort, title_sort, created_ms, updated_ms, body)
                values %2$s
                on conflict (id) do update set
                    version = excluded.version, deleted = excluded.deleted, status = excluded.status,
                    priority_rank = excluded.priority_rank, title = excluded.title,
                    description = excluded.description, tags = excluded.tags, due_at = excluded.due_at,
                    due_sort = excluded.due_sort, title_sort = excluded.title_sort,
                    created_ms = excluded.created_ms, updated_ms = excluded.updated_ms, body = excluded.body
                where %1$s.version < excluded.version""".formatted(table, String.join(", ", Collections.nCopies(rows, row)));
    }

    private void bindAll(PreparedStatement ps, List<StoredTaskView> rows) throws SQLException {
        for (int i = 0; i < rows.size(); i++) {
            bind(ps, i * COLUMNS, rows.get(i));
        }
    }

    /**
     * The upsert's parameters, in column order, with plain JDBC setters (a batch of thousands of rows spends
     * noticeably less time here than with named parameters). A description stored as null by an early release
     * (see the golden events) is an empty one in the column, which is never null; the body keeps it as it was.
     */
    private void bind(PreparedStatement ps, int offset, StoredTaskView row) throws SQLException {
        TaskView view = row.view();
        int i = offset;
        ps.setString(++i, view.id());
        ps.setString(++i, view.ownerId());
        ps.setLong(++i, row.version());
        ps.setBoolean(++i, row.deleted());
        ps.setString(++i, view.status().name().toLowerCase(Locale.ROOT));
        ps.setInt(++i, view.priority().ordinal());
        ps.setString(++i, view.title());
        ps.setString(++i, view.description() == null ? "" : view.description());
        ps.setArray(++i, ps.getConnection().createArrayOf("text", view.tags().toArray()));
        ps.setTimestamp(++i, view.dueAt() == null ? null : Timestamp.from(view.dueAt()));
        ps.setLong(++i, view.dueAt() == null ? Long.MAX_VALUE : view.dueAt().toEpochMilli());
        ps.setString(++i, view.title().toLowerCase(Locale.ROOT));
        ps.setLong(++i, view.createdAt().toEpochMilli());
        ps.setLong(++i, view.updatedAt().toEpochMilli());
        ps.setString(++i, write(view));
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
