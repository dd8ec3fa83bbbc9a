package io.tasklog.query.paging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * A keyset position (an instant and an id, the last row handed out) as an opaque page cursor, for lists
 * ordered by time: notifications, dead letters.
 */
public record InstantIdCursor(Instant at, String id) {

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((at + "\n" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** @throws IllegalArgumentException (a 400) for anything this API did not hand out */
    public static InstantIdCursor decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\n", 2);
            return new InstantIdCursor(Instant.parse(parts[0]), parts[1]);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cursor is not one this API handed out");
        }
    }
}
