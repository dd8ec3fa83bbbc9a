package io.tasklog.bench;

import java.time.Clock;
import java.util.function.LongSupplier;

/**
 * A line-at-a-time parser for {@code text/event-stream} (the WHATWG rules, minus {@code retry:} handling):
 * {@code field: value} lines accumulate, a blank line dispatches the event, lines starting with {@code :}
 * are comments, a single space after the colon is dropped, a line without a colon is a field with an empty
 * value, {@code data:} lines are joined with {@code \n}, an event without data is not dispatched, and the
 * last event id carries over to later events. The caller strips line terminators ({@code \n}, {@code \r\n}, {@code \r}).
 */
public final class SseParser {

    /** Receives parsed events and comments, on the thread that feeds the parser. */
    public interface Listener {
        void onEvent(SseEvent event);

        default void onComment(String comment) {
        }
    }

    private final Listener listener;
    private final LongSupplier nanoTime;
    private final Clock clock;

    private String lastEventId;
    private String eventType;
    private final StringBuilder data = new StringBuilder();
    private boolean hasData;

    public SseParser(Listener listener) {
        this(listener, System::nanoTime, Clock.systemUTC());
    }

    public SseParser(Listener listener, LongSupplier nanoTime, Clock clock) {
        this.listener = listener;
        this.nanoTime = nanoTime;
        this.clock = clock;
    }

    public void line(String line) {
        if (line.isEmpty()) {
            dispatch();
            return;
        }
        if (line.charAt(0) == ':') {
            listener.onComment(dropOneSpace(line.substring(1)));
            return;
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : dropOneSpace(line.substring(colon + 1));
        switch (field) {
            case "event" -> eventType = value;
            case "data" -> {
                if (hasData) {
                    data.append('\n');
                }
                data.append(value);
                hasData = true;
            }
            case "id" -> {
                if (value.indexOf('\0') < 0) {
                    lastEventId = value;
                }
            }
            default -> {
                // "retry" and unknown fields are ignored
            }
        }
    }

    /** Called when the stream ends: an event not terminated by a blank line is discarded, as the spec says. */
    public void reset() {
        eventType = null;
        data.setLength(0);
        hasData = false;
    }

    public String lastEventId() {
        return lastEventId;
    }

    private void dispatch() {
        if (!hasData) {
            eventType = null;
            return;
        }
        SseEvent event = new SseEvent(lastEventId, eventType == null || eventType.isEmpty() ? "message" : eventType,
                data.toString(), nanoTime.getAsLong(), clock.instant());
        reset();
        listener.onEvent(event);
    }

    private static String dropOneSpace(String value) {
        return value.startsWith(" ") ? value.substring(1) : value;
    }
}
