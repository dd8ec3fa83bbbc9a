package io.tasklog.command.task;

import io.tasklog.api.task.TaskDetails;
import io.tasklog.api.task.TaskPriority;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * Body of {@code POST /api/tasks} and {@code PUT /api/tasks/{id}}: the writable fields of a task. The sizes of its
 * lists are checked (Bean Validation) before any element is looked at, so a huge list is refused as soon as it is
 * read; the task's own rules, which check the size again for every other sender of the commands, come after.
 */
public record TaskRequest(
        String title,
        String description,
        TaskPriority priority,
        @Size(max = TaskRules.MAX_TAGS_IN_INPUT, message = "at most {max} tags in one request") List<String> tags,
        Instant dueAt,
        String timeZone,
        Integer remindBeforeMinutes,
        @Valid RecurrenceInput recurrence) {

    TaskDetails toDetails() {
        return new TaskDetails(title, description, priority, tags, dueAt, timeZone, remindBeforeMinutes,
                recurrence == null ? null : recurrence.toRecurrence());
    }
}
