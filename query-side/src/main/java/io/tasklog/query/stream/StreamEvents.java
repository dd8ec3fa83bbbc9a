package io.tasklog.query.stream;

import io.tasklog.api.stream.StreamChange;
import io.tasklog.api.task.TaskView;
import io.tasklog.projections.taskview.TaskViewRepository;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Component;

/** Turns a change record into the stream's JSON event, reading the committed read model it announces. */
@Component
public class StreamEvents {

    private final TaskViewRepository tasks;
    private final NotificationEventSource notifications;

    public StreamEvents(TaskViewRepository tasks, NotificationEventSource notifications) {
        this.tasks = tasks;
        this.notifications = notifications;
    }

    ServerSentEvent<Object> toEvent(StreamChange change, String userId) {
        Object data = switch (change.kind()) {
            case StreamChange.TASK_CHANGED -> taskChanged(change, userId);
            case StreamChange.NOTIFICATION_CREATED -> notifications.eventData(change, userId);
            default -> Map.of();
        };
        return ServerSentEvent.builder(data).id(Long.toString(change.sequence())).event(change.kind()).build();
    }

    private TaskChanged taskChanged(StreamChange change, String userId) {
        Optional<TaskView> task = tasks.findOwned(change.subjectId(), userId);
        long version = task.map(TaskView::version).orElse(change.version());
        return new TaskChanged(change.subjectId(), version, task.isEmpty(), task.orElse(null));
    }

    /** {@code event: task.changed}: the task as it is now, or a deletion marker. */
    public record TaskChanged(String taskId, long version, boolean deleted, TaskView task) {
    }
}
