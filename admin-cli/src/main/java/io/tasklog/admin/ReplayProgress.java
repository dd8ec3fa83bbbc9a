package io.tasklog.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * One poll of GET /api/admin/processors/{name}, read as replay progress.
 *
 * @param reported whether the answer had a {@code replay} object at all (it may vanish once a replay is done)
 * @param total    events the replay will process, or -1 when the server does not know (yet)
 * @param eta      time left as the server estimates it (ISO-8601 duration, seconds, or the instant it expects
 *                 to finish); null when it gives none and it cannot be derived from the rate
 * @param state    {@code running|completed|failed|interrupted}, or null when the server does not say
 */
record ReplayProgress(String status, boolean replaying, boolean reported, long position, long total,
                      double eventsPerSecond, Duration eta, String state, String message) {

    static ReplayProgress of(JsonNode processor, Instant now) {
        JsonNode replay = processor.path("replay");
        boolean reported = replay.isObject();
        long position = replay.path("position").asLong(0);
        long total = Json.present(replay, "total") ? replay.get("total").asLong() : -1;
        double rate = replay.path("eventsPerSecond").asDouble(0);
        Duration eta = eta(replay.get("eta"), now);
        if (eta == null && rate > 0 && total >= position) {
            eta = Duration.ofSeconds(Math.round((total - position) / rate));
        }
        return new ReplayProgress(Json.text(processor, "status"), processor.path("replaying").asBoolean(false),
                reported, position, total, rate, eta, Json.text(replay, "state"), Json.text(replay, "message"));
    }

    /**
     * Done when the server says a final state; a server that does not report {@code state} is done once
     * it is no longer replaying.
     */
    boolean finished() {
        return state != null ? !"running".equals(state) : !replaying;
    }

    /** The final state to report; without a {@code state} field, a processor in error means the replay failed. */
    String outcome() {
        if (state != null) {
            return state;
        }
        return "error".equals(status) ? "failed" : "completed";
    }

    private static Duration eta(JsonNode value, Instant now) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            return Duration.ofMillis(Math.round(value.asDouble() * 1000));
        }
        String text = value.asText();
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException notADuration) {
            try {
                Duration left = Duration.between(now, Instant.parse(text));
                return left.isNegative() ? Duration.ZERO : left;
            } catch (DateTimeParseException notAnInstant) {
                return null;
            }
        }
    }
}
