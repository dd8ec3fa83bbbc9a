package io.tasklog.projections.taskview;

import io.tasklog.api.query.TaskSort;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Opaque keyset cursor: the sort it belongs to and the last row's (sort key, id). */
final class PageCursor {

    private PageCursor() {
    }

    static String encode(TaskSort sort, Object key, String id) {
        String raw = sort.name() + "\n" + key + "\n" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** The (key, id) to continue after; the key is typed as the sort column is. */
    static Position decode(String cursor, TaskSort sort) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\n", 3);
            if (parts.length != 3 || !parts[0].equals(sort.name())) {
                throw new InvalidCursorException("the cursor belongs to another sort order");
            }
            Object key = switch (sort) {
                case TITLE -> parts[1];
                case PRIORITY -> Integer.parseInt(parts[1]);
                default -> Long.parseLong(parts[1]);
            };
            return new Position(key, parts[2]);
        } catch (IllegalArgumentException e) {
            throw new InvalidCursorException("the cursor is not one this API handed out");
        }
    }

    record Position(Object key, String id) {
    }
}
