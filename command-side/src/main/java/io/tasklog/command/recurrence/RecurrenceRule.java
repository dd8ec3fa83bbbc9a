package io.tasklog.command.recurrence;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.dmfs.rfc5545.DateTime;
import org.dmfs.rfc5545.InstanceIterator;
import org.dmfs.rfc5545.Weekday;
import org.dmfs.rfc5545.recur.InvalidRecurrenceRuleException;
import org.dmfs.rfc5545.recur.RecurrenceRule.Part;
import org.dmfs.rfc5545.recur.RecurrenceRule.RfcMode;
import org.dmfs.rfc5545.recur.RecurrenceRule.Skip;
import org.dmfs.rfc5545.recur.RecurrenceRule.WeekdayNum;
import org.dmfs.rfc5545.recurrenceset.OfRuleAndFirst;

/**
 * A validated recurrence rule: the RFC 5545 RRULE subset Tasklog supports, and the occurrences it yields in a
 * task's time zone.
 *
 * <h2>Supported subset</h2>
 * {@code FREQ} (DAILY, WEEKLY, MONTHLY, YEARLY; required), {@code INTERVAL} (1..999), {@code BYDAY} (weekdays;
 * with an ordinal such as {@code 2TU} or {@code -1FR} only for MONTHLY and YEARLY), {@code BYMONTHDAY} (1..31 or
 * -31..-1, MONTHLY and YEARLY only; {@code -1} is the last day of the month), {@code BYMONTH} (1..12, YEARLY
 * only), {@code COUNT} (1..9999), {@code UNTIL} (a UTC date-time such as {@code 20261231T235959Z}) and
 * {@code WKST}. {@code BYDAY} and {@code BYMONTHDAY} cannot be combined, nor can {@code COUNT} and {@code UNTIL}.
 * A leading {@code RRULE:} is accepted; {@code DTSTART} and every other property or part is rejected. Names and
 * values are case-insensitive; {@link #canonical()} is the normalised form.
 *
 * <h2>Occurrences</h2>
 * The series starts at the task's first due date ({@code seriesStart}), which is always its first occurrence
 * (RFC 5545: DTSTART counts as the first instance, even if it does not match the rule). Every later occurrence
 * falls on a date the rule selects, at the <em>local wall-clock time</em> of the series start in the task's zone,
 * so a 09:00 Europe/Berlin task stays at 09:00 across daylight-saving changes. A local time that does not exist
 * on a date is read as RFC 5545 (3.3.5) reads such a DATE-TIME: with the UTC offset from before the gap, i.e.
 * moved forward by the length of the gap, on that one date only. A spring-forward gap turns 02:30 into 03:30
 * (New York) or 02:15 into 02:45 (Lord Howe, a half-hour gap); a zone that skipped a whole day moves the
 * occurrence by a whole day: Samoa (Pacific/Apia) had no 2011-12-30, so an occurrence due that day at 13:00 falls
 * on 2011-12-31 at 13:00 (and if the rule also selects the 31st, the two are one occurrence). java.time's
 * {@code ZonedDateTime.of} resolves gaps exactly this way. A local time that exists twice (fall-back) is the
 * earlier of the two instants.
 *
 * <h2>One engine</h2>
 * {@code org.dmfs:lib-recur} parses and validates the rule and selects its dates (with the series start as the
 * first instance, {@code OfRuleAndFirst}, and {@code SKIP=BACKWARD} for month ends); what this class adds is a
 * whitelist over the parsed rule (the subset above), messages that say which part is wrong, and the step from a
 * date to an instant in the task's zone. That step is why COUNT and UNTIL are applied to the instants rather than
 * inside lib-recur: UNTIL is a UTC instant while the rule selects wall-clock dates, and a zone that skipped a day
 * can turn two dates into one instant, which is one occurrence.
 *
 * <h2>Month ends</h2>
 * <ul>
 *   <li>If the day of the month comes from the series start (plain MONTHLY, or YEARLY without
 *   {@code BYMONTHDAY}/{@code BYDAY}), a date that does not exist is moved back to the last day of that month
 *   (RFC 7529 {@code SKIP=BACKWARD}): Jan 31 monthly gives Feb 28/29, Mar 31, Apr 30, ...; Feb 29 yearly gives
 *   Feb 28 in common years and Feb 29 in leap years. The series keeps its original day, it does not drift.</li>
 *   <li>An explicit {@code BYMONTHDAY} follows RFC 5545 strictly: "monthly on the 31st" skips months without a
 *   31st. Use {@code BYMONTHDAY=-1} for "the last day of every month".</li>
 *   <li>An ordinal weekday that a month lacks (e.g. {@code 5FR}) is skipped for that month (RFC 5545).</li>
 * </ul>
 *
 * <h2>COUNT and UNTIL</h2>
 * {@code COUNT} is the total number of occurrences including the first; callers pass how many exist so far.
 * {@code UNTIL} is inclusive: an occurrence exactly at {@code UNTIL} still happens. The series start itself is
 * never dropped (so an {@code UNTIL} before the start leaves a series of one; callers may want to reject that).
 *
 * <p>Instances are immutable and thread-safe; equality is by {@link #canonical()}.
 */
public final class RecurrenceRule {

    /** How often the rule repeats. */
    public enum Frequency {
        DAILY, WEEKLY, MONTHLY, YEARLY
    }

    static final int MAX_INTERVAL = 999;
    static final int MAX_COUNT = 9999;
    static final int MAX_LENGTH = 500;
    static final int MAX_PREVIEW = 1000;

    private static final DateTimeFormatter UNTIL_FORMAT =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    /** Instants beyond this are outside what the engine computes (lib-recur and java.time both have limits). */
    private static final Instant LAST_SUPPORTED = LocalDate.of(9000, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);

    private final Frequency frequency;
    private final int interval;
    private final Integer count;
    private final Instant until;
    /** The calendar parts (no COUNT or UNTIL, see the class comment): what lib-recur iterates. */
    private final String calendarRule;
    private final String canonical;
    /** Whether a day of month taken from the series start is moved back to the month end when it does not exist. */
    private final boolean clampToMonthEnd;

    /** A rule {@link RecurrenceRuleParser} has parsed and checked. */
    RecurrenceRule(org.dmfs.rfc5545.recur.RecurrenceRule parsed, Frequency frequency, Instant until) {
        this.frequency = frequency;
        this.interval = parsed.getInterval();
        this.count = parsed.getCount();
        this.until = until;
        List<Integer> byMonth = sorted(months(parsed), Comparator.naturalOrder());
        List<Integer> byMonthDay = sorted(parsed.getByPart(Part.BYMONTHDAY), Comparator.comparingInt(RecurrenceRule::positionKey));
        List<WeekdayNum> byDay = sorted(parsed.getByDayPart(), Comparator.<WeekdayNum>comparingInt(d -> positionKey(d.pos))
                .thenComparing(d -> dayOfWeek(d.weekday)));
        StringBuilder calendar = new StringBuilder("FREQ=").append(frequency);
        if (interval != 1) {
            calendar.append(";INTERVAL=").append(interval);
        }
        appendList(calendar, "BYMONTH", byMonth);
        appendList(calendar, "BYMONTHDAY", byMonthDay);
        appendList(calendar, "BYDAY", byDay);
        if (parsed.getWeekStart() != Weekday.MO) {
            calendar.append(";WKST=").append(parsed.getWeekStart());
        }
        this.calendarRule = calendar.toString();
        this.canonical = calendarRule + (count != null ? ";COUNT=" + count : "")
                + (until != null ? ";UNTIL=" + UNTIL_FORMAT.format(until) : "");
        this.clampToMonthEnd = (frequency == Frequency.MONTHLY || frequency == Frequency.YEARLY)
                && byMonthDay.isEmpty() && byDay.isEmpty();
    }

    /** BYMONTH as months 1..12 (lib-recur counts them from 0), or null. */
    static List<Integer> months(org.dmfs.rfc5545.recur.RecurrenceRule rule) {
        List<Integer> months = rule.getByPart(Part.BYMONTH);
        return months == null ? null : months.stream().map(month -> month + 1).toList();
    }

    private static <T> List<T> sorted(List<T> values, Comparator<? super T> order) {
        Set<T> set = new TreeSet<>(order);
        if (values != null) {
            set.addAll(values);
        }
        return List.copyOf(set);
    }

    private static void appendList(StringBuilder out, String name, List<?> values) {
        if (!values.isEmpty()) {
            out.append(';').append(name).append('=')
                    .append(values.stream().map(String::valueOf).collect(Collectors.joining(",")));
        }
    }

    // ------------------------------------------------------------------------------------------------ parsing

    /**
     * Parses and validates an RRULE value such as {@code FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH} (an optional leading
     * {@code RRULE:} is accepted).
     *
     * @throws InvalidRecurrenceException saying precisely what is wrong
     */
    public static RecurrenceRule parse(String rrule) {
        return RecurrenceRuleParser.parse(rrule);
    }

    /** Orders positions within a period: 1, 2, ... then ..., -2, -1 (from the end). */
    private static int positionKey(int position) {
        return position > 0 ? position : 1000 + position;
    }

    private static DayOfWeek dayOfWeek(Weekday day) {
        return weekday(day.name());
    }

    static DayOfWeek weekday(String twoLetters) {
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().startsWith(twoLetters)) {
                return day;
            }
        }
        throw new InvalidRecurrenceException("'" + twoLetters + "' is not a weekday (MO, TU, WE, TH, FR, SA, SU)");
    }

    // ---------------------------------------------------------------------------------------------- accessors

    /** The normalised RRULE value (no {@code RRULE:} prefix), e.g. {@code FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH}. */
    public String canonical() {
        return canonical;
    }

    public Frequency frequency() {
        return frequency;
    }

    public int interval() {
        return interval;
    }

    /** The total number of occurrences (including the first), if the rule ends after a count. */
    public OptionalInt count() {
        return count == null ? OptionalInt.empty() : OptionalInt.of(count);
    }

    /** The last instant an occurrence may fall on (inclusive), if the rule ends at a date. */
    public Optional<Instant> until() {
        return Optional.ofNullable(until);
    }

    // -------------------------------------------------------------------------------------------- occurrences

    /**
     * The first occurrence strictly after {@code after} of this rule's series that started at
     * {@code seriesStart} (the first occurrence, i.e. the first due date), in {@code zone}.
     *
     * <p>Anchor DUE: pass the first due date as {@code seriesStart} and the current occurrence's due date as
     * {@code after}. Anchor COMPLETION: prefer {@link #nextAfterCompletion}, which keeps the due time of day; the
     * plain form {@code nextAfter(completedAt, completedAt, zone, n)} re-anchors the series at the completion
     * instant, so the next occurrence is at the completion's time of day.
     *
     * @param occurrencesSoFar how many occurrences exist already, including the first; once it reaches
     *                         {@code COUNT} the result is empty
     * @return empty when the series has ended (COUNT reached, past UNTIL, or the rule selects no further date)
     */
    public Optional<Instant> nextAfter(Instant seriesStart, Instant after, ZoneId zone, int occurrencesSoFar) {
        Objects.requireNonNull(seriesStart, "seriesStart");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(zone, "zone");
        ZonedDateTime start = seriesStart.atZone(zone);
        return next(start.toLocalDate(), start.toLocalTime(), seriesStart, after, zone, occurrencesSoFar);
    }

    /**
     * The next occurrence of an "after completion" series: the series is re-anchored on the local date (in
     * {@code zone}) the task was completed, at the local time of day of its due date, and the first occurrence
     * after that anchor is returned. So "every 3 days after I finish it" (FREQ=DAILY;INTERVAL=3) for a task due
     * at 09:00 and completed on Monday at 17:40 (or at 07:00) is next due on Thursday at 09:00; "monthly"
     * completed on Jan 31 is next due on Feb 28/29; WEEKLY;BYDAY=MO,TH completed on a Tuesday is next due on
     * Thursday. The anchor day itself is never returned, whatever the time of completion.
     *
     * @param dueAt the due date of the occurrence just completed, for its time of day; {@code null} to use the
     *              completion's time of day
     * @param occurrencesSoFar how many occurrences exist already, including the first (for COUNT)
     */
    public Optional<Instant> nextAfterCompletion(Instant completedAt, Instant dueAt, ZoneId zone,
            int occurrencesSoFar) {
        Objects.requireNonNull(completedAt, "completedAt");
        Objects.requireNonNull(zone, "zone");
        ZonedDateTime completed = completedAt.atZone(zone);
        LocalTime timeOfDay = (dueAt == null ? completedAt : dueAt).atZone(zone).toLocalTime();
        LocalDate day = completed.toLocalDate();
        Instant anchor = ZonedDateTime.of(day, timeOfDay, zone).toInstant();
        Instant after = anchor.isAfter(completedAt) ? anchor : completedAt;
        return next(day, timeOfDay, anchor, after, zone, occurrencesSoFar);
    }

    /**
     * The first {@code count} occurrences of the series starting at {@code start} (which is the first of them),
     * fewer if the rule ends sooner (COUNT, UNTIL).
     *
     * @param count 0..1000
     */
    public List<Instant> preview(Instant start, ZoneId zone, int count) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(zone, "zone");
        if (count < 0 || count > MAX_PREVIEW) {
            throw new IllegalArgumentException("count must be 0.." + MAX_PREVIEW + ", not " + count);
        }
        int limit = this.count == null ? count : Math.min(count, this.count);
        List<Instant> result = new ArrayList<>(limit);
        ZonedDateTime local = start.atZone(zone);
        Occurrences occurrences = new Occurrences(local.toLocalDate(), local.toLocalTime(), start, zone, null);
        while (result.size() < limit) {
            Instant next = occurrences.next();
            if (next == null) {
                break;
            }
            result.add(next);
        }
        return List.copyOf(result);
    }

    private Optional<Instant> next(LocalDate startDate, LocalTime timeOfDay, Instant startInstant, Instant after,
            ZoneId zone, int occurrencesSoFar) {
        if (occurrencesSoFar < 0) {
            throw new IllegalArgumentException("occurrencesSoFar must not be negative");
        }
        if (count != null && occurrencesSoFar >= count) {
            return Optional.empty();
        }
        if (!after.isBefore(LAST_SUPPORTED)) {
            return Optional.empty();
        }
        LocalDate fastForwardTo = after.isAfter(startInstant) ? after.atZone(zone).toLocalDate().minusDays(2) : null;
        Occurrences occurrences = new Occurrences(startDate, timeOfDay, startInstant, zone, fastForwardTo);
        for (Instant next = occurrences.next(); next != null; next = occurrences.next()) {
            if (next.isAfter(after)) {
                return Optional.of(next);
            }
        }
        return Optional.empty();
    }

    /**
     * Walks the series: the dates lib-recur selects (the start date first, matching the rule or not), each at the
     * series' local time of day, strictly increasing, up to UNTIL.
     */
    private final class Occurrences {
        private final LocalDate startDate;
        private final Instant startInstant;
        private final LocalTime timeOfDay;
        private final ZoneId zone;
        private Iterator<DateTime> dates;
        private Instant last;

        Occurrences(LocalDate startDate, LocalTime timeOfDay, Instant startInstant, ZoneId zone,
                LocalDate fastForwardTo) {
            this.startDate = startDate;
            this.startInstant = startInstant;
            this.timeOfDay = timeOfDay;
            this.zone = zone;
            DateTime start = new DateTime(startDate.getYear(), startDate.getMonthValue() - 1, startDate.getDayOfMonth());
            try {
                org.dmfs.rfc5545.recur.RecurrenceRule rule = new org.dmfs.rfc5545.recur.RecurrenceRule(calendarRule, RfcMode.RFC5545_STRICT);
                if (clampToMonthEnd) {
                    rule.setSkip(Skip.BACKWARD);
                }
                InstanceIterator iterator = new OfRuleAndFirst(rule, start).iterator();
                if (fastForwardTo != null && fastForwardTo.isAfter(startDate)) {
                    last = startInstant; // the start lies before the window skipped to
                    iterator.fastForward(new DateTime(fastForwardTo.getYear(), fastForwardTo.getMonthValue() - 1,
                            fastForwardTo.getDayOfMonth()));
                }
                dates = iterator;
            } catch (InvalidRecurrenceRuleException e) {
                throw new IllegalStateException("a parsed rule no longer parses: " + calendarRule, e);
            } catch (IllegalArgumentException e) {
                dates = last == null ? List.of(start).iterator() : Collections.emptyIterator(); // see next()
            }
        }

        Instant next() {
            for (LocalDate date = nextDate(); date != null; date = nextDate()) {
                Instant instant = date.equals(startDate) ? startInstant
                        : ZonedDateTime.of(date, timeOfDay, zone).toInstant();
                if (last != null && !instant.isAfter(last)) {
                    continue; // a zone that skipped a whole day can map two dates onto one instant
                }
                if (instant != startInstant
                        && ((until != null && instant.isAfter(until)) || !instant.isBefore(LAST_SUPPORTED))) {
                    dates = Collections.emptyIterator();
                    return null;
                }
                last = instant;
                return instant;
            }
            return null;
        }

        private LocalDate nextDate() {
            try {
                if (!dates.hasNext()) {
                    return null;
                }
                DateTime next = dates.next();
                return LocalDate.of(next.getYear(), next.getMonth() + 1, next.getDayOfMonth());
            } catch (IllegalArgumentException e) {
                // lib-recur gives up ("too many filtered recurrence instances") when a rule selects no more
                // dates for a long stretch, e.g. every 12 months on the 31st starting in April.
                return null;
            }
        }
    }

    // --------------------------------------------------------------------------------------------- identity

    @Override
    public boolean equals(Object other) {
        return other instanceof RecurrenceRule rule && rule.canonical.equals(canonical);
    }

    @Override
    public int hashCode() {
        return canonical.hashCode();
    }

    @Override
    public String toString() {
        return canonical;
    }
}
