package io.tasklog.command.recurrence;

import jakarta.validation.Valid;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/recurrence/preview}: the next dates of a rule, so the dashboard can show "next: Mon 3 Mar,
 * Thu 6 Mar, ..." while the user edits it. Read-only; nothing is stored.
 */
@RestController
public final class RecurrencePreviewController {

    static final int DEFAULT_COUNT = 5;
    static final int MAX_COUNT = 50;

    /**
     * Either {@code rrule} or {@code form}.
     *
     * @param start    the first occurrence (the task's due date)
     * @param timeZone IANA zone id, e.g. Europe/Berlin
     * @param count    how many dates, 1..50 (default 5)
     */
    public record PreviewRequest(String rrule, @Valid RecurrenceForm form, Instant start, String timeZone, Integer count) {
    }

    /** The canonical rule and its first dates (ISO-8601 instants, the start first). */
    public record PreviewResponse(String rrule, List<String> dates) {
    }

    @PostMapping("/api/recurrence/preview")
    public PreviewResponse preview(@Valid @RequestBody PreviewRequest request) {
        if (request == null) {
            throw new InvalidRecurrenceException("a body with rrule or form, start and timeZone is required");
        }
        boolean hasRrule = request.rrule() != null && !request.rrule().isBlank();
        if (hasRrule && request.form() != null) {
            throw new InvalidRecurrenceException("give either rrule or form, not both");
        }
        if (!hasRrule && request.form() == null) {
            throw new InvalidRecurrenceException("rrule or form is required");
        }
        if (request.start() == null) {
            throw new InvalidRecurrenceException("start is required (an ISO-8601 instant such as 2026-03-02T08:00:00Z)");
        }
        ZoneId zone = zone(request.timeZone());
        int count = request.count() == null ? DEFAULT_COUNT : request.count();
        if (count < 1 || count > MAX_COUNT) {
            throw new InvalidRecurrenceException("count must be 1.." + MAX_COUNT + ", not " + count);
        }
        RecurrenceRule rule = hasRrule ? RecurrenceRule.parse(request.rrule()) : request.form().toRule();
        List<String> dates = rule.preview(request.start(), zone, count).stream().map(Instant::toString).toList();
        return new PreviewResponse(rule.canonical(), dates);
    }

    private static ZoneId zone(String timeZone) {
        if (timeZone == null || timeZone.isBlank()) {
            throw new InvalidRecurrenceException("timeZone is required (an IANA zone id such as Europe/Berlin)");
        }
        try {
            return ZoneId.of(timeZone.strip());
        } catch (DateTimeException e) {
            throw new InvalidRecurrenceException("timeZone '" + timeZone + "' is not a known IANA time zone");
        }
    }

    @ExceptionHandler(InvalidRecurrenceException.class)
    ProblemDetail invalid(InvalidRecurrenceException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid recurrence");
        return problem;
    }
}
