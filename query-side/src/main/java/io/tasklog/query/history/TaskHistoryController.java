package io.tasklog.query.history;

import io.tasklog.api.query.Page;

import io.tasklog.api.task.TaskView;
import java.security.Principal;
import java.time.Instant;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/tasks/{id}/history} and time travel ({@code ?asOf=}), read from the event store. */
@RestController
@RequestMapping("/api/tasks/{id}")
public class TaskHistoryController {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    private final TaskHistory history;

    public TaskHistoryController(TaskHistory history) {
        this.history = history;
    }

    @GetMapping("/history")
    public Page<HistoryItem> history(@PathVariable String id,
                                     @RequestParam(defaultValue = "" + DEFAULT_LIMIT) int limit,
                                     @RequestParam(required = false) String cursor,
                                     Principal user) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
        return history.page(id, user.getName(), parseCursor(cursor), limit);
    }

    @GetMapping(params = "asOf")
    public ResponseEntity<TaskView> asOf(@PathVariable String id, @RequestParam Instant asOf, Principal user) {
        TaskView view = history.asOf(id, user.getName(), asOf);
        return ResponseEntity.ok().eTag("\"" + view.version() + "\"").body(view);
    }

    private static long parseCursor(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return 0;
        }
        try {
            long from = Long.parseLong(cursor);
            if (from < 0) {
                throw new NumberFormatException();
            }
            return from;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("cursor is not one this API handed out");
        }
    }
}
