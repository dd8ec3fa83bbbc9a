package io.tasklog.projections.taskview;

import io.tasklog.api.query.FindTasksQuery;
import io.tasklog.api.query.TaskPage;
import io.tasklog.api.task.TaskView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Filtered, sorted, keyset-paginated reads of a user's tasks. Sorting is always by (sort key, id), and
 * the cursor carries the last row's pair, so pages stay stable while tasks are added concurrently.
 */
// not @Repository: a bad cursor must stay an IllegalArgumentException (a 400), not be translated into a
// DataAccessException
@Component
public class TaskViewQueries {

    private final JdbcClient jdbc;
    private final TaskViewRepository views;

    public TaskViewQueries(JdbcClient jdbc, TaskViewRepository views) {
        this.jdbc = jdbc;
        this.views = views;
    }

    public TaskPage find(FindTasksQuery filter) {
        SqlWhere where = SqlWhere.forQuery(filter);
        String column = SqlWhere.column(filter.sort());
        String direction = filter.descending() ? "desc" : "asc";
        String sql = "select body, " + column + " as sort_key, id from task_view where " + where.sql()
                + " order by " + column + " " + direction + ", id " + direction + " limit :limit";
        JdbcClient.StatementSpec statement = jdbc.sql(sql).param("limit", filter.limit() + 1);
        for (Map.Entry<String, Object> p : where.params().entrySet()) {
            statement = statement.param(p.getKey(), p.getValue());
        }
        List<Row> rows = statement.query((rs, n) -> new Row(views.read(rs.getString(1)), rs.getObject(2), rs.getString(3)))
                .list();
        List<TaskView> items = new ArrayList<>();
        for (int i = 0; i < Math.min(rows.size(), filter.limit()); i++) {
            items.add(rows.get(i).view());
        }
        String next = null;
        if (rows.size() > filter.limit()) {
            Row last = rows.get(filter.limit() - 1);
            next = PageCursor.encode(filter.sort(), last.sortKey(), last.id());
        }
        return new TaskPage(items, next);
    }

    private record Row(TaskView view, Object sortKey, String id) {
    }
}
