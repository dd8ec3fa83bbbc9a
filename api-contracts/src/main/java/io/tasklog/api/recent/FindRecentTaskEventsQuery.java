package io.tasklog.api.recent;

/** The caller's newest task events of the recent-events window (at most {@code limit}), newest first. */
public record FindRecentTaskEventsQuery(String userId, int limit) {
}
