package io.tasklog.api.task;

/** The writable fields of a task; an update names the ones it changes. */
public enum TaskField {
    TITLE("title"),
    DESCRIPTION("description"),
    PRIORITY("priority"),
    TAGS("tags"),
    DUE_AT("dueAt"),
    TIME_ZONE("timeZone"),
    REMIND_BEFORE_MINUTES("remindBeforeMinutes"),
    RECURRENCE("recurrence");

    private final String jsonName;

    TaskField(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The field's name in the HTTP API's JSON. */
    public String jsonName() {
        return jsonName;
    }
}
