package io.tasklog.api.stream;

/**
 * A record of topic {@code task-updates}: a read model of {@code userId} changed. {@code sequence} is the
 * position in that user's change log (the SSE event id); {@code kind} says what changed
 * ({@code task.changed}, {@code notification.created}); {@code subjectId} is the task or notification.
 *
 * <p>{@code recent-events.changed} is a signal only: a task event of the user was added to the recent-events read
 * model (for MCP clients subscribed to it). It is not an entry of the change log ({@code sequence} 0) and is
 * never sent on {@code /api/stream}.
 */
public record StreamChange(long sequence, String userId, String kind, String subjectId, long version) {

    public static final String TASK_CHANGED = "task.changed";
    public static final String NOTIFICATION_CREATED = "notification.created";
    public static final String RECENT_EVENTS_CHANGED = "recent-events.changed";

    /** A recent-events signal for the user (see above). */
    public static StreamChange recentEventsChanged(String userId, String taskId, long version) {
        return new StreamChange(0, userId, RECENT_EVENTS_CHANGED, taskId, version);
    }
}
