package io.tasklog.app.mcp;

/**
 * JSON Schema text shared by the task tools: the writable fields of a task (create_task and update_task) and its
 * id. The descriptions are for the language model choosing the arguments: units, formats, defaults and limits.
 */
final class TaskSchemas {

    static final String ID = """
            "id": {"type": "string", "description": "The task's id (a UUID), as returned by list_tasks or create_task."}""";

    /** The writable fields; null is accepted everywhere: on create it means the default, on update it clears. */
    static final String FIELDS = """
            "title": {"type": "string", "maxLength": 200, "description": "Short title, 1-200 characters (required to create)."},
            "description": {"type": ["string", "null"], "maxLength": 10000, "description": "Longer free text, up to 10,000 characters."},
            "priority": {"type": ["string", "null"], "enum": ["none", "low", "medium", "high", "urgent", null], "description": "Default none."},
            "tags": {"type": ["array", "null"], "maxItems": 20, "items": {"type": "string", "maxLength": 40}, "description": "Labels, up to 20 of up to 40 characters; case variants and duplicates fold into one."},
            "dueAt": {"type": ["string", "null"], "format": "date-time", "description": "When the task is due, an ISO-8601 instant in UTC such as 2026-01-31T09:00:00Z. Reminders and recurrence need it."},
            "timeZone": {"type": ["string", "null"], "description": "IANA time zone of the user (e.g. Europe/Berlin), used for reminder texts and for recurrence on local calendar days. Default UTC."},
            "remindBeforeMinutes": {"type": ["integer", "null"], "minimum": 0, "maximum": 40320, "description": "Minutes before dueAt for an 'upcoming' reminder notification; 0 = none. Default 60."},
            "recurrence": {
              "type": ["object", "null"],
              "description": "Makes the task repeat (needs dueAt): give rrule OR form. When an occurrence is completed (anchor completion) or falls due (anchor due), the next one is created.",
              "properties": {
                "rrule": {"type": "string", "description": "An RFC 5545 rule, e.g. FREQ=WEEKLY;BYDAY=MO,TH or FREQ=MONTHLY;BYMONTHDAY=-1;COUNT=6."},
                "form": {
                  "type": "object",
                  "description": "The same as a small form instead of an RRULE.",
                  "properties": {
                    "frequency": {"type": "string", "enum": ["daily", "weekly", "monthly", "yearly"]},
                    "interval": {"type": "integer", "minimum": 1, "maximum": 999, "description": "Every n-th period, default 1."},
                    "weekdays": {"type": "array", "items": {"type": "string", "enum": ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]}},
                    "monthDay": {"type": "integer", "description": "1..31, or -1 for the last day of the month."},
                    "weekdayOrdinal": {"type": "object", "properties": {"ordinal": {"type": "integer"}, "weekday": {"type": "string"}}, "description": "e.g. {\\"ordinal\\": -1, \\"weekday\\": \\"FR\\"} = the last Friday."},
                    "month": {"type": "integer", "minimum": 1, "maximum": 12},
                    "count": {"type": "integer", "minimum": 1, "description": "Ends after this many occurrences."},
                    "until": {"type": "string", "format": "date-time", "description": "Ends at this instant."}
                  },
                  "required": ["frequency"]
                },
                "anchor": {"type": "string", "enum": ["due", "completion"], "description": "due: keep the schedule; completion: next one counted from when this one was completed. Default due."}
              }
            }""";

    private TaskSchemas() {
    }

    /** An object schema of the given properties (JSON text), no others allowed. */
    static String object(String required, String... properties) {
        return "{\"type\": \"object\", \"properties\": {" + String.join(",\n", properties) + "}, \"required\": ["
                + required + "], \"additionalProperties\": false}";
    }
}
