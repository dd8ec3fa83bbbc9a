package io.tasklog.command.task;

import io.tasklog.api.task.TaskDetails;
import io.tasklog.api.task.TaskPriority;
import java.time.Instant;
import java.util.List;

/** Body of {@code POST /api/tasks} and {@code PUT /api/tasks/{id}}: the writable fields of a task. */
public record TaskRequest(
        String title,
        String description,
        TaskPriority priority,
        List<String> tags,
        Instant dueAt,
        String timeZone,
        Integer remindBeforeMinutes,
        RecurrenceInput recurrence) {

    TaskDetails toDetails() {
        return new TaskDetails(title, description, priority, tags, dueAt, timeZone, remindBeforeMinutes,
                recurrence == null ? null : recurrence.toRecurrence());
    }
}
