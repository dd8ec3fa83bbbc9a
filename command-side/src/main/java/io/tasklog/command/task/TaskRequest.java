package io.tasklog.command.task;

import io.tasklog.api.task.TaskDetails;
import io.tasklog.api.task.TaskPriority;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * Body of {@code POST /api/tasks} and {@code PUT /api/tasks/{id}}: the writable fields of a task. The sizes of its
 * lists are checked (Bean Validation) before any element is looked at; the task's own rules come after.
 */
public record TaskRequest(
        String title,
        String description,
        TaskPriority priority,
        @Size(max = TaskRequest.MAX_TAGS, message = "at most {max} tags in one request") List<String> tags,
        Instant dueAt,
        String timeZone,
        Integer remindBeforeMinutes,
        @Valid RecurrenceInput recurrence) {

    /**
     * Tags a request may list: above the {@value TaskRules#MAX_TAGS} a task keeps, since case variants and
     * duplicates fold into one, yet small enough that folding them costs nothing.
     */
    public static final int MAX_TAGS = 50;

    TaskDetails toDetails() {
        return new TaskDetails(title, description, priority, tags, dueAt, timeZone, remindBeforeMinutes,
                recurrence == null ? null : recurrence.toRecurrence());
    }
}
