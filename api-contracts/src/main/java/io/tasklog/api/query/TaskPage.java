package io.tasklog.api.query;

import io.tasklog.api.task.TaskView;
import java.util.List;

/**
 * A page of the task list. Not {@code Page<TaskView>}: Axon matches query handlers by their declared
 * return type and does not match parameterised types.
 */
public record TaskPage(List<TaskView> items, String nextCursor) {

    public TaskPage {
        items = List.copyOf(items);
    }
}
