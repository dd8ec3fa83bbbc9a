package io.tasklog.api.stream;

/**
 * A record of topic {@code task-updates}: a read model of {@code userId} changed. {@code sequence} is the
 * position in that user's change log (the SSE event id); {@code kind} says what changed
 * ({@code task.changed}, {@code notification.created}); {@code subjectId} is the task or notification.
 */
public record StreamChange(long sequence, String userId, String kind, String subjectId, long version) {

    public static final String TASK_CHANGED = "task.changed";
    public static final String NOTIFICATION_CREATED = "notification.created";
}
