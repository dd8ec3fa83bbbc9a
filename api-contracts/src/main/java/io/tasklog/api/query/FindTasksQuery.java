package io.tasklog.api.query;

import io.tasklog.api.task.TaskPriority;
import java.time.Instant;
import java.util.Set;

/**
 * The caller's tasks matching every given filter (null = no filter), in {@code sort} order, at most
 * {@code limit}, starting after {@code cursor}. {@code now} decides what "overdue" means.
 */
public record FindTasksQuery(
        String userId,
        StatusFilter status,
        Set<TaskPriority> priorities,
        String tag,
        Instant dueBefore,
        Instant dueAfter,
        boolean overdue,
        String text,
        TaskSort sort,
        boolean descending,
        int limit,
        String cursor,
        Instant now) {

    public FindTasksQuery {
        priorities = priorities == null ? Set.of() : Set.copyOf(priorities);
    }
}
