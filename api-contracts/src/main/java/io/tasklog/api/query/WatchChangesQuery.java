package io.tasklog.api.query;

/**
 * Subscription query behind {@code GET /api/stream}: the initial result is the caller's changes after
 * {@code afterSequence} (what a reconnecting client missed); updates are the caller's new changes.
 */
public record WatchChangesQuery(String userId, long afterSequence) {
}
