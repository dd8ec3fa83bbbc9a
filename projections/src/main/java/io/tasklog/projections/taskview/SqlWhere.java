package io.tasklog.projections.taskview;

import io.tasklog.api.query.FindTasksQuery;
import io.tasklog.api.query.StatusFilter;
import io.tasklog.api.query.TaskSort;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The WHERE clause of a task list query, built from fixed fragments with bound parameters only. */
record SqlWhere(String sql, Map<String, Object> params) {

    static String column(TaskSort sort) {
        return switch (sort) {
            case DUE -> "due_sort";
            case PRIORITY -> "priority_rank";
            case CREATED -> "created_ms";
            case UPDATED -> "updated_ms";
            case TITLE -> "title_sort";
        };
    }

    static SqlWhere forQuery(FindTasksQuery q) {
        List<String> clauses = new ArrayList<>(List.of("owner_id = :owner", "not deleted"));
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("owner", q.userId());
        if (q.status() != null && q.status() != StatusFilter.ALL) {
            clauses.add("status = :status");
            params.put("status", q.status().name().toLowerCase(Locale.ROOT));
        }
        if (!q.priorities().isEmpty()) {
            clauses.add("priority_rank in (:ranks)");
            params.put("ranks", q.priorities().stream().map(Enum::ordinal).toList());
        }
        if (q.tag() != null) {
            clauses.add("tags @> array[cast(:tag as text)]");
            params.put("tag", q.tag().strip().toLowerCase(Locale.ROOT));
        }
        if (q.dueBefore() != null) {
            clauses.add("due_at < :dueBefore");
            params.put("dueBefore", Timestamp.from(q.dueBefore()));
        }
        if (q.dueAfter() != null) {
            clauses.add("due_at >= :dueAfter");
            params.put("dueAfter", Timestamp.from(q.dueAfter()));
        }
        if (q.overdue()) {
            clauses.add("status = 'open' and due_at < :now");
            params.put("now", Timestamp.from(q.now()));
        }
        if (q.text() != null && !q.text().isBlank()) {
            clauses.add("(title || ' ' || description) ilike :text");
            params.put("text", "%" + escapeLike(q.text().strip()) + "%");
        }
        if (q.cursor() != null) {
            PageCursor.Position after = PageCursor.decode(q.cursor(), q.sort());
            clauses.add("(" + column(q.sort()) + ", id) " + (q.descending() ? "<" : ">") + " (:afterKey, :afterId)");
            params.put("afterKey", after.key());
            params.put("afterId", after.id());
        }
        return new SqlWhere(String.join(" and ", clauses), params);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
