package io.tasklog.command.recurrence;

import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The small JSON form of a recurrence the dashboard builds, e.g.
 * <pre>{@code
 * { "frequency": "weekly", "interval": 2, "weekdays": ["MO", "TH"], "count": 10 }
 * { "frequency": "monthly", "weekdayOrdinal": { "ordinal": -1, "weekday": "FR" } }
 * { "frequency": "monthly", "interval": 3, "monthDay": 31, "until": "2027-01-01T00:00:00Z" }
 * }</pre>
 * Every field but {@code frequency} is optional. {@link #toRrule()} turns it into the canonical RRULE and
 * validates it with {@link RecurrenceRule#parse}, so the form accepts exactly what an RRULE string does.
 *
 * @param frequency      {@code daily}, {@code weekly}, {@code monthly} or {@code yearly} (case-insensitive)
 * @param interval       every n-th period, 1..999 (default 1)
 * @param weekdays       plain weekdays ({@code MO}..{@code SU}), e.g. "every 2 weeks on Mon and Thu"
 * @param monthDay       day of the month, 1..31 or -31..-1 ({@code -1} = last day); monthly or yearly
 * @param weekdayOrdinal e.g. {@code {"ordinal": -1, "weekday": "FR"}} = the last Friday; monthly or yearly
 * @param month          1..12, yearly only
 * @param count          ends after this many occurrences (including the first)
 * @param until          ends at this instant (inclusive); not together with {@code count}
 */
public record RecurrenceForm(String frequency, Integer interval,
        @Size(max = RecurrenceForm.MAX_WEEKDAYS, message = "at most {max} weekdays") List<String> weekdays, Integer monthDay,
        WeekdayOrdinal weekdayOrdinal, Integer month, Integer count, Instant until) {

    /** An ordinal weekday: {@code ordinal} 1..5 or -5..-1 (yearly without month: ±1..53), weekday MO..SU. */
    public record WeekdayOrdinal(Integer ordinal, String weekday) {
    }

    /** Checked before any weekday is looked at, here for every caller and by Bean Validation for request bodies. */
    public static final int MAX_WEEKDAYS = 7;

    private static final DateTimeFormatter UNTIL_FORMAT =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    /**
     * The canonical RRULE of this form.
     *
     * @throws InvalidRecurrenceException saying what is wrong
     */
    public String toRrule() {
        return toRule().canonical();
    }

    /** This form as a validated rule. */
    public RecurrenceRule toRule() {
        if (frequency == null || frequency.isBlank()) {
            throw new InvalidRecurrenceException("frequency is required (daily, weekly, monthly or yearly)");
        }
        String freq = frequency.strip().toUpperCase(Locale.ROOT);
        if (!freq.matches("[A-Z]+")) {
            throw new InvalidRecurrenceException(
                    "frequency '" + frequency + "' is not one of daily, weekly, monthly or yearly");
        }
        StringBuilder rule = new StringBuilder("FREQ=").append(freq);
        if (interval != null) {
            rule.append(";INTERVAL=").append(interval);
        }
        if (month != null) {
            rule.append(";BYMONTH=").append(month);
        }
        if (monthDay != null) {
            rule.append(";BYMONTHDAY=").append(monthDay);
        }
        StringBuilder days = new StringBuilder();
        if (weekdays != null) {
            if (weekdays.size() > MAX_WEEKDAYS) {
                throw new InvalidRecurrenceException("weekdays: at most " + MAX_WEEKDAYS + " weekdays");
            }
            for (String day : weekdays) {
                days.append(days.isEmpty() ? "" : ",").append(weekday(day, "weekdays"));
            }
        }
        if (weekdayOrdinal != null) {
            if (weekdayOrdinal.ordinal() == null) {
                throw new InvalidRecurrenceException("weekdayOrdinal.ordinal is required (1..5, or -1 for the last)");
            }
            if (weekdayOrdinal.ordinal() == 0) {
                throw new InvalidRecurrenceException("weekdayOrdinal.ordinal must not be 0");
            }
            days.append(days.isEmpty() ? "" : ",").append(weekdayOrdinal.ordinal())
                    .append(weekday(weekdayOrdinal.weekday(), "weekdayOrdinal.weekday"));
        }
        if (!days.isEmpty()) {
            rule.append(";BYDAY=").append(days);
        }
        if (count != null) {
            rule.append(";COUNT=").append(count);
        }
        if (until != null) {
            rule.append(";UNTIL=").append(UNTIL_FORMAT.format(until));
        }
        return RecurrenceRule.parse(rule.toString());
    }

    private static String weekday(String day, String field) {
        if (day == null || day.isBlank()) {
            throw new InvalidRecurrenceException(field + " must be weekdays MO, TU, WE, TH, FR, SA or SU");
        }
        String upper = day.strip().toUpperCase(Locale.ROOT);
        if (!upper.matches("MO|TU|WE|TH|FR|SA|SU")) {
            throw new InvalidRecurrenceException(
                    field + ": '" + day + "' is not a weekday (MO, TU, WE, TH, FR, SA or SU)");
        }
        return upper;
    }
}
