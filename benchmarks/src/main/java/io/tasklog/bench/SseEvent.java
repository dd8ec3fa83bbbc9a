package io.tasklog.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One dispatched Server-Sent Event: its {@code id:} (the last one seen on the stream, as the spec says),
 * its {@code event:} type ("message" when absent), its {@code data:} lines joined by newlines, and when it was
 * received, both as a {@link System#nanoTime()} reading and as a wall-clock instant.
 */
public record SseEvent(String id, String event, String data, long receivedNanos, Instant receivedAt) {

    /** {@code data} parsed as JSON, or a missing node. */
    public JsonNode json() {
        try {
            return Api.JSON.readTree(data);
        } catch (Exception e) {
            return Api.JSON.missingNode();
        }
    }
}
