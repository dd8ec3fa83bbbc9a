package io.tasklog.query.task;

import io.tasklog.api.query.FindTaskQuery;
import io.tasklog.api.query.FindTasksQuery;
import io.tasklog.api.query.TaskPage;
import io.tasklog.api.query.StatusFilter;
import io.tasklog.api.query.TaskSort;
import io.tasklog.api.task.TaskPriority;
import io.tasklog.api.task.TaskView;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The read half of {@code /api/tasks}: the list with filters, sorting and cursor pages, and one task. */
@RestController
@RequestMapping("/api/tasks")
public class TaskQueryController {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    private final QueryGateway queries;
    private final Clock clock;

    public TaskQueryController(QueryGateway queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @GetMapping
    public TaskPage list(@RequestParam(defaultValue = "all") StatusFilter status,
                               @RequestParam(required = false) Set<TaskPriority> priority,
                               @RequestParam(required = false) String tag,
                               @RequestParam(required = false) Instant dueBefore,
                               @RequestParam(required = false) Instant dueAfter,
                               @RequestParam(defaultValue = "false") boolean overdue,
                               @RequestParam(required = false) String q,
                               @RequestParam(defaultValue = "created") String sort,
                               @RequestParam(required = false) String order,
                               @RequestParam(defaultValue = "" + DEFAULT_LIMIT) int limit,
                               @RequestParam(required = false) String cursor,
                               Principal user) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
        SortOrder sortOrder = SortOrder.parse(sort, order);
        FindTasksQuery query = new FindTasksQuery(user.getName(), status, priority, blankToNull(tag), dueBefore,
                dueAfter, overdue, blankToNull(q), sortOrder.sort(), sortOrder.descending(), limit,
                blankToNull(cursor), clock.instant());
        return queries.query(query, ResponseTypes.instanceOf(TaskPage.class)).join();
    }

    @GetMapping("/{id}")
    public ResponseEntity<TaskView> get(@PathVariable String id, Principal user) {
        return queries.query(new FindTaskQuery(user.getName(), id), ResponseTypes.optionalInstanceOf(TaskView.class))
                .join()
                .map(task -> ResponseEntity.ok().eTag("\"" + task.version() + "\"").body(task))
                .orElseThrow(TaskViewNotFoundException::new);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** Sort as {@code sort=due&order=desc}, {@code sort=due,desc} or {@code sort=-due}; created/updated default to newest first. */
    record SortOrder(TaskSort sort, boolean descending) {

        static SortOrder parse(String sort, String order) {
            String key = sort.strip();
            Boolean descending = null;
            if (key.startsWith("-")) {
                descending = true;
                key = key.substring(1);
            }
            int comma = key.indexOf(',');
            if (comma >= 0) {
                order = key.substring(comma + 1);
                key = key.substring(0, comma);
            }
            if (order != null && !order.isBlank()) {
                descending = switch (order.strip().toLowerCase(java.util.Locale.ROOT)) {
                    case "asc" -> false;
                    case "desc" -> true;
                    default -> throw new IllegalArgumentException("order must be asc or desc");
                };
            }
            try {
                TaskSort by = TaskSort.valueOf(key.toUpperCase(java.util.Locale.ROOT));
                // Without a direction, timestamps read newest first and everything else ascending.
                boolean newestFirst = by == TaskSort.CREATED || by == TaskSort.UPDATED;
                return new SortOrder(by, descending == null ? newestFirst : descending);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("sort must be one of due, priority, created, updated, title");
            }
        }
    }
}
