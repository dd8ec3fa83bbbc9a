package io.tasklog.command.task;

import io.tasklog.api.task.Recurrence;
import io.tasklog.api.task.RecurrenceAnchor;
import io.tasklog.command.recurrence.InvalidRecurrenceException;
import io.tasklog.command.recurrence.RecurrenceForm;
import jakarta.validation.Valid;
import java.time.DateTimeException;

/**
 * A recurrence as clients may send it: an RRULE string, or the small JSON form the dashboard builds
 * ({@code "form": {"frequency": "weekly", "weekdays": ["MO","TH"], ...}}), plus the anchor.
 */
public record RecurrenceInput(String rrule, @Valid RecurrenceForm form, RecurrenceAnchor anchor) {

    Recurrence toRecurrence() {
        if (rrule != null && form != null) {
            throw new TaskRuleViolationException("recurrence", "give either rrule or form, not both");
        }
        if (form == null) {
            return new Recurrence(rrule, anchor);
        }
        try {
            return new Recurrence(form.toRrule(), anchor);
        } catch (InvalidRecurrenceException e) {
            throw new TaskRuleViolationException("recurrence.form", e.getMessage());
        } catch (DateTimeException e) {
            throw new TaskRuleViolationException("recurrence.form", "until is not a usable date");
        }
    }
}
