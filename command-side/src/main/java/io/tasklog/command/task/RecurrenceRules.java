package io.tasklog.command.task;

import io.tasklog.api.task.Recurrence;
import io.tasklog.api.task.RecurrenceAnchor;

/** Checks a recurrence before it is accepted. The full rule engine lives in the recurrence package. */
final class RecurrenceRules {

    private RecurrenceRules() {
    }

    static Recurrence validate(Recurrence recurrence) {
        if (recurrence.rrule() == null || recurrence.rrule().isBlank()) {
            throw new TaskRuleViolationException("recurrence.rrule", "rrule must not be blank");
        }
        RecurrenceAnchor anchor = recurrence.anchor() == null ? RecurrenceAnchor.DUE : recurrence.anchor();
        return new Recurrence(recurrence.rrule().strip(), anchor);
    }
}
