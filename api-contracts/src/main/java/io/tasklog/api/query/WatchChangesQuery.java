package io.tasklog.api.query;

/**
 * Subscription query behind {@code GET /api/stream}: the initial result is the newest position of the
 * caller's change log; each update signals that the caller's log has grown (the stream then reads the
 * log itself, so a lost or reordered signal never loses a change).
 */
public record WatchChangesQuery(String userId) {
}
