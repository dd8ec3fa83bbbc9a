package io.tasklog.app.operations;

import java.time.Instant;

/**
 * A parked event: which processor could not handle it, the sequence (task) it holds up, the event, why it
 * failed and how often handling it was attempted.
 */
public record DeadLetterView(String id, String processor, String sequence, String eventType, String eventId,
                             String cause, long attempts, Instant enqueuedAt) {
}
