package io.tasklog.query.history;

import java.time.Instant;
import java.util.Map;

/** One stored event of a task as the history shows it: what happened, when, by whom, and what changed. */
public record HistoryItem(String eventId, String type, Instant at, String actor, long version,
                          Map<String, FieldChange> changes) {

    /** A field's value before and after the event. */
    public record FieldChange(Object from, Object to) {
    }
}
