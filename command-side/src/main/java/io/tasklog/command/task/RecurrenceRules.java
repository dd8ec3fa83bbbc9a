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
            RecurrenceRule rule = RecurrenceRule.parse(recurrence.rrule());
            if (rule.until().filter(until -> until.isBefore(TaskRules.EARLIEST_DUE) || until.isAfter(TaskRules.LATEST_DUE))
                    .isPresent()) {
                throw new TaskRuleViolationException("recurrence.rrule", "UNTIL must lie between the years 1900 and 9999");
            }
            String canonical = rule.canonical();
            RecurrenceAnchor anchor = recurrence.anchor() == null ? RecurrenceAnchor.DUE : recurrence.anchor();
            return new Recurrence(canonical, anchor);
        } catch (InvalidRecurrenceException e) {
            throw new TaskRuleViolationException("recurrence.rrule", e.getMessage());
        }
    }
}
