package io.tasklog.command.task;

import io.tasklog.api.task.Recurrence;
import io.tasklog.api.task.RecurrenceAnchor;
import io.tasklog.command.recurrence.InvalidRecurrenceException;
import io.tasklog.command.recurrence.RecurrenceRule;

/** Accepts a recurrence only if the rule engine can evaluate it; stores the rule in canonical form. */
final class RecurrenceRules {

    private RecurrenceRules() {
    }

    static Recurrence validate(Recurrence recurrence) {
        if (recurrence.rrule() == null || recurrence.rrule().isBlank()) {
            throw new TaskRuleViolationException("recurrence.rrule", "rrule must not be blank");
        }
        try {
            String canonical = RecurrenceRule.parse(recurrence.rrule()).canonical();
            RecurrenceAnchor anchor = recurrence.anchor() == null ? RecurrenceAnchor.DUE : recurrence.anchor();
            return new Recurrence(canonical, anchor);
        } catch (InvalidRecurrenceException e) {
            throw new TaskRuleViolationException("recurrence.rrule", e.getMessage());
        }
    }
}
