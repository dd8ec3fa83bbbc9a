package io.tasklog.command.recurrence;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.dmfs.rfc5545.DateTime;
import org.dmfs.rfc5545.recur.InvalidRecurrenceRuleException;
import org.dmfs.rfc5545.recur.RecurrenceRuleIterator;

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
 * earlier of the two instants. The calendar arithmetic (which dates a rule selects) is done by
 * {@code org.dmfs:lib-recur}.
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

    private static final String SUPPORTED_PARTS = "FREQ, INTERVAL, BYDAY, BYMONTHDAY, BYMONTH, COUNT, UNTIL and WKST";
    private static final Set<String> UNSUPPORTED_RFC_PARTS = Set.of("BYSECOND", "BYMINUTE", "BYHOUR", "BYYEARDAY",
            "BYWEEKNO", "BYSETPOS", "RSCALE", "SKIP");
    private static final Set<String> SUB_DAILY = Set.of("SECONDLY", "MINUTELY", "HOURLY");
    private static final Pattern BYDAY_VALUE = Pattern.compile("([+-]?\\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)");
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,9}");
    private static final Pattern UTC_DATE_TIME = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})T(\\d{2})(\\d{2})(\\d{2})Z");
    private static final DateTimeFormatter UNTIL_FORMAT =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    /** Instants beyond this are outside what the engine computes (lib-recur and java.time both have limits). */
    private static final Instant LAST_SUPPORTED = LocalDate.of(9000, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);

    private final Frequency frequency;
    private final int interval;
    private final List<Integer> byMonth;
    private final List<Integer> byMonthDay;
    private final List<DayRule> byDay;
    private final DayOfWeek weekStart;
    private final Integer count;
    private final Instant until;
    private final String canonical;
    /** The rule handed to lib-recur: the calendar parts only (COUNT and UNTIL are applied here, on instants). */
    private final String calendarRule;
    /** Whether a day of month taken from the series start is moved back to the month end when it does not exist. */
    private final boolean clampToMonthEnd;

    private record DayRule(int ordinal, DayOfWeek day) {
        String rfc() {
            return (ordinal == 0 ? "" : Integer.toString(ordinal)) + day.name().substring(0, 2);
        }
    }

    private RecurrenceRule(Frequency frequency, int interval, List<Integer> byMonth, List<Integer> byMonthDay,
            List<DayRule> byDay, DayOfWeek weekStart, Integer count, Instant until) {
        this.frequency = frequency;
        this.interval = interval;
        this.byMonth = List.copyOf(byMonth);
        this.byMonthDay = List.copyOf(byMonthDay);
        this.byDay = List.copyOf(byDay);
        this.weekStart = weekStart;
        this.count = count;
        this.until = until;

        StringBuilder calendar = new StringBuilder("FREQ=").append(frequency.name());
        if (interval != 1) {
            calendar.append(";INTERVAL=").append(interval);
        }
        appendList(calendar, "BYMONTH", this.byMonth.stream().map(String::valueOf).toList());
        appendList(calendar, "BYMONTHDAY", this.byMonthDay.stream().map(String::valueOf).toList());
        appendList(calendar, "BYDAY", this.byDay.stream().map(DayRule::rfc).toList());
        if (weekStart != DayOfWeek.MONDAY) {
            calendar.append(";WKST=").append(weekStart.name(), 0, 2);
        }
        this.calendarRule = calendar.toString();
        StringBuilder full = new StringBuilder(calendarRule);
        if (count != null) {
            full.append(";COUNT=").append(count);
        }
        if (until != null) {
            full.append(";UNTIL=").append(UNTIL_FORMAT.format(until));
        }
        this.canonical = full.toString();
        this.clampToMonthEnd = (frequency == Frequency.MONTHLY || frequency == Frequency.YEARLY)
                && this.byMonthDay.isEmpty() && this.byDay.isEmpty();
        libRule(); // belt and braces: whatever passed our validation must be a rule lib-recur accepts
    }

    private static void appendList(StringBuilder out, String name, List<String> values) {
        if (!values.isEmpty()) {
            out.append(';').append(name).append('=').append(String.join(",", values));
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
        if (rrule == null) {
            throw new InvalidRecurrenceException("rrule is required");
        }
        String text = rrule.strip();
        if (text.isEmpty()) {
            throw new InvalidRecurrenceException("rrule must not be empty");
        }
        if (text.length() > MAX_LENGTH) {
            throw new InvalidRecurrenceException("rrule is too long (at most " + MAX_LENGTH + " characters)");
        }
        String upper = text.toUpperCase(Locale.ROOT);
        if (upper.startsWith("DTSTART") || upper.contains("\nDTSTART")) {
            throw new InvalidRecurrenceException(
                    "DTSTART is not supported; the task's due date is the start of the series");
        }
        if (upper.indexOf('\n') >= 0 || upper.indexOf('\r') >= 0) {
            throw new InvalidRecurrenceException("only a single RRULE is accepted; "
                    + "DTSTART, EXDATE, RDATE and other properties are not supported");
        }
        if (upper.startsWith("RRULE:")) {
            upper = upper.substring("RRULE:".length()).strip();
        }
        if (upper.isEmpty()) {
            throw new InvalidRecurrenceException("rrule must not be empty");
        }
        if (upper.indexOf(':') >= 0) {
            throw new InvalidRecurrenceException(
                    "malformed rrule: unexpected ':'; give the rule as NAME=VALUE parts such as FREQ=WEEKLY;BYDAY=MO");
        }
        Map<String, String> parts = splitParts(upper);
        return fromParts(parts);
    }

    private static Map<String, String> splitParts(String rule) {
        String[] raw = rule.split(";", -1);
        Map<String, String> parts = new LinkedHashMap<>();
        for (int i = 0; i < raw.length; i++) {
            String part = raw[i].strip();
            if (part.isEmpty()) {
                if (i == raw.length - 1 && i > 0) {
                    continue; // tolerate one trailing ';'
                }
                throw new InvalidRecurrenceException("malformed rrule: empty part (check the ';' separators)");
            }
            int eq = part.indexOf('=');
            if (eq < 0) {
                throw new InvalidRecurrenceException("malformed part '" + part + "': expected NAME=VALUE");
            }
            String name = part.substring(0, eq).strip();
            String value = part.substring(eq + 1).strip();
            if (name.isEmpty()) {
                throw new InvalidRecurrenceException("malformed part '" + part + "': the name is missing");
            }
            checkKnown(name);
            if (value.isEmpty()) {
                throw new InvalidRecurrenceException(name + " has no value");
            }
            if (parts.putIfAbsent(name, value) != null) {
                throw new InvalidRecurrenceException(name + " is given more than once");
            }
        }
        return parts;
    }

    private static void checkKnown(String name) {
        switch (name) {
            case "FREQ", "INTERVAL", "BYDAY", "BYMONTHDAY", "BYMONTH", "COUNT", "UNTIL", "WKST" -> {
            }
            case "DTSTART" -> throw new InvalidRecurrenceException(
                    "DTSTART is not supported; the task's due date is the start of the series");
            default -> {
                if (UNSUPPORTED_RFC_PARTS.contains(name)) {
                    throw new InvalidRecurrenceException(
                            name + " is not supported; supported parts are " + SUPPORTED_PARTS);
                }
                throw new InvalidRecurrenceException(
                        "unknown rule part '" + name + "'; supported parts are " + SUPPORTED_PARTS);
            }
        }
    }

    private static RecurrenceRule fromParts(Map<String, String> parts) {
        Frequency frequency = frequency(parts.get("FREQ"));
        int interval = parts.containsKey("INTERVAL")
                ? bounded("INTERVAL", parts.get("INTERVAL"), 1, MAX_INTERVAL) : 1;
        Integer count = parts.containsKey("COUNT") ? bounded("COUNT", parts.get("COUNT"), 1, MAX_COUNT) : null;
        Instant until = parts.containsKey("UNTIL") ? until(parts.get("UNTIL")) : null;
        if (count != null && until != null) {
            throw new InvalidRecurrenceException("COUNT and UNTIL cannot both be set");
        }
        List<Integer> byMonth = List.of();
        if (parts.containsKey("BYMONTH")) {
            if (frequency != Frequency.YEARLY) {
                throw new InvalidRecurrenceException("BYMONTH is only allowed with FREQ=YEARLY");
            }
            byMonth = byMonth(parts.get("BYMONTH"));
        }
        List<Integer> byMonthDay = List.of();
        if (parts.containsKey("BYMONTHDAY")) {
            if (frequency != Frequency.MONTHLY && frequency != Frequency.YEARLY) {
                throw new InvalidRecurrenceException("BYMONTHDAY is only allowed with FREQ=MONTHLY or YEARLY");
            }
            byMonthDay = byMonthDay(parts.get("BYMONTHDAY"));
        }
        List<DayRule> byDay = List.of();
        if (parts.containsKey("BYDAY")) {
            if (!byMonthDay.isEmpty()) {
                throw new InvalidRecurrenceException("BYDAY and BYMONTHDAY cannot both be set");
            }
            byDay = byDay(parts.get("BYDAY"), frequency, !byMonth.isEmpty());
        }
        if (!byMonth.isEmpty() && !byMonthDay.isEmpty()) {
            checkMonthDaysExist(byMonth, byMonthDay);
        }
        DayOfWeek weekStart = parts.containsKey("WKST") ? weekStart(parts.get("WKST")) : DayOfWeek.MONDAY;
        return new RecurrenceRule(frequency, interval, byMonth, byMonthDay, byDay, weekStart, count, until);
    }

    private static Frequency frequency(String value) {
        if (value == null) {
            throw new InvalidRecurrenceException("FREQ is required (DAILY, WEEKLY, MONTHLY or YEARLY)");
        }
        if (SUB_DAILY.contains(value)) {
            throw new InvalidRecurrenceException(
                    "FREQ=" + value + " is not supported; use DAILY, WEEKLY, MONTHLY or YEARLY");
        }
        try {
            return Frequency.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidRecurrenceException(
                    "FREQ=" + value + " is not a frequency; use DAILY, WEEKLY, MONTHLY or YEARLY");
        }
    }

    private static int bounded(String name, String value, int min, int max) {
        if (!INTEGER.matcher(value).matches()) {
            throw new InvalidRecurrenceException(name + " must be a whole number, not '" + value + "'");
        }
        int number = Integer.parseInt(value);
        if (number < min || number > max) {
            throw new InvalidRecurrenceException(name + " must be " + min + ".." + max + ", not " + number);
        }
        return number;
    }

    private static Instant until(String value) {
        Matcher m = UTC_DATE_TIME.matcher(value);
        if (!m.matches()) {
            throw new InvalidRecurrenceException(
                    "UNTIL must be a UTC date-time like 20261231T235959Z, not '" + value + "'");
        }
        try {
            return LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                    Integer.parseInt(m.group(6))).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            throw new InvalidRecurrenceException("UNTIL " + value + " is not a valid date-time");
        }
    }

    private static List<Integer> byMonth(String value) {
        Set<Integer> months = new TreeSet<>();
        for (String item : value.split(",", -1)) {
            String v = item.strip();
            if (!INTEGER.matcher(v).matches() || Integer.parseInt(v) < 1 || Integer.parseInt(v) > 12) {
                throw new InvalidRecurrenceException("BYMONTH values must be months 1..12, not '" + v + "'");
            }
            months.add(Integer.parseInt(v));
        }
        return List.copyOf(months);
    }

    private static List<Integer> byMonthDay(String value) {
        Set<Integer> days = new TreeSet<>(Comparator.comparingInt(RecurrenceRule::positionKey));
        for (String item : value.split(",", -1)) {
            String v = item.strip();
            int day = INTEGER.matcher(v).matches() ? Integer.parseInt(v) : 0;
            if (day == 0 || day < -31 || day > 31) {
                throw new InvalidRecurrenceException("BYMONTHDAY values must be 1..31 or -31..-1 "
                        + "(-1 is the last day of the month), not '" + v + "'");
            }
            days.add(day);
        }
        return List.copyOf(days);
    }

    /** Orders positions within a period: 1, 2, ... then ..., -2, -1 (from the end). */
    private static int positionKey(int position) {
        return position > 0 ? position : 1000 + position;
    }

    private static List<DayRule> byDay(String value, Frequency frequency, boolean withByMonth) {
        Set<DayRule> days = new TreeSet<>(Comparator.<DayRule>comparingInt(d -> positionKey(d.ordinal()))
                .thenComparing(DayRule::day));
        for (String item : value.split(",", -1)) {
            String v = item.strip();
            Matcher m = BYDAY_VALUE.matcher(v);
            if (!m.matches()) {
                throw new InvalidRecurrenceException("BYDAY value '" + v
                        + "' is not a weekday like MO or an ordinal weekday like 2TU or -1FR");
            }
            DayOfWeek day = weekday(m.group(2));
            int ordinal = 0;
            if (m.group(1) != null) {
                ordinal = Integer.parseInt(m.group(1));
                if (ordinal == 0) {
                    throw new InvalidRecurrenceException("BYDAY ordinal must not be 0 ('" + v + "')");
                }
                if (frequency != Frequency.MONTHLY && frequency != Frequency.YEARLY) {
                    throw new InvalidRecurrenceException(
                            "BYDAY ordinals (" + v + ") are only allowed with FREQ=MONTHLY or YEARLY");
                }
                int limit = frequency == Frequency.YEARLY && !withByMonth ? 53 : 5;
                if (Math.abs(ordinal) > limit) {
                    String scope = frequency == Frequency.MONTHLY ? "FREQ=MONTHLY"
                            : withByMonth ? "FREQ=YEARLY with BYMONTH" : "FREQ=YEARLY";
                    throw new InvalidRecurrenceException("BYDAY ordinal in " + v + " must be 1.." + limit
                            + " or -" + limit + "..-1 for " + scope);
                }
            }
            days.add(new DayRule(ordinal, day));
        }
        return List.copyOf(days);
    }

    private static DayOfWeek weekStart(String value) {
        if (!value.matches("MO|TU|WE|TH|FR|SA|SU")) {
            throw new InvalidRecurrenceException("WKST must be a weekday like MO, not '" + value + "'");
        }
        return weekday(value);
    }

    static DayOfWeek weekday(String twoLetters) {
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().startsWith(twoLetters)) {
                return day;
            }
        }
        throw new InvalidRecurrenceException("'" + twoLetters + "' is not a weekday (MO, TU, WE, TH, FR, SA, SU)");
    }

    private static void checkMonthDaysExist(List<Integer> months, List<Integer> days) {
        for (int month : months) {
            int length = Month.of(month).maxLength();
            for (int day : days) {
                if (Math.abs(day) <= length) {
                    return;
                }
            }
        }
        throw new InvalidRecurrenceException("BYMONTHDAY=" + join(days) + " never falls in BYMONTH=" + join(months)
                + ", so the rule would never repeat");
    }

    private static String join(List<Integer> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(","));
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
     * Walks the series: the start instant first, then each date lib-recur selects after the start date, at the
     * series' local time of day, strictly increasing, up to UNTIL.
     */
    private final class Occurrences {
        private final LocalDate startDate;
        private final LocalTime timeOfDay;
        private final ZoneId zone;
        private final RecurrenceRuleIterator dates;
        private Instant pendingStart;
        private Instant last;
        private boolean done;

        Occurrences(LocalDate startDate, LocalTime timeOfDay, Instant startInstant, ZoneId zone,
                LocalDate fastForwardTo) {
            this.startDate = startDate;
            this.timeOfDay = timeOfDay;
            this.zone = zone;
            boolean skipStart = fastForwardTo != null && fastForwardTo.isAfter(startDate);
            this.pendingStart = skipStart ? null : startInstant;
            this.last = skipStart ? startInstant : null; // the start lies before the window skipped to
            RecurrenceRuleIterator iterator = null;
            try {
                iterator = libRule().iterator(allDay(startDate));
                if (skipStart) {
                    iterator.fastForward(allDay(fastForwardTo));
                }
            } catch (IllegalArgumentException e) {
                iterator = null; // lib-recur found no further date at all (see nextDate)
            }
            this.dates = iterator;
            this.done = iterator == null;
        }

        Instant next() {
            if (pendingStart != null) {
                Instant start = pendingStart;
                pendingStart = null;
                last = start;
                return start;
            }
            while (!done) {
                LocalDate date = nextDate();
                if (date == null) {
                    done = true;
                    break;
                }
                if (!date.isAfter(startDate)) {
                    continue;
                }
                Instant instant = ZonedDateTime.of(date, timeOfDay, zone).toInstant();
                if (last != null && !instant.isAfter(last)) {
                    continue; // a zone that skipped a whole day can map two dates onto one instant
                }
                if ((until != null && instant.isAfter(until)) || !instant.isBefore(LAST_SUPPORTED)) {
                    done = true;
                    break;
                }
                last = instant;
                return instant;
            }
            return null;
        }

        private LocalDate nextDate() {
            if (dates == null) {
                return null;
            }
            try {
                if (!dates.hasNext()) {
                    return null;
                }
                DateTime next = dates.nextDateTime();
                return LocalDate.of(next.getYear(), next.getMonth() + 1, next.getDayOfMonth());
            } catch (IllegalArgumentException e) {
                // lib-recur gives up ("too many filtered recurrence instances") when a rule selects no more
                // dates for a long stretch, e.g. every 12 months on the 31st starting in April.
                return null;
            }
        }
    }

    private static DateTime allDay(LocalDate date) {
        return new DateTime(date.getYear(), date.getMonthValue() - 1, date.getDayOfMonth());
    }

    private org.dmfs.rfc5545.recur.RecurrenceRule libRule() {
        try {
            org.dmfs.rfc5545.recur.RecurrenceRule rule = new org.dmfs.rfc5545.recur.RecurrenceRule(calendarRule,
                    org.dmfs.rfc5545.recur.RecurrenceRule.RfcMode.RFC5545_STRICT);
            if (clampToMonthEnd) {
                rule.setSkip(org.dmfs.rfc5545.recur.RecurrenceRule.Skip.BACKWARD);
            }
            return rule;
        } catch (InvalidRecurrenceRuleException e) {
            throw new InvalidRecurrenceException("invalid rrule: " + e.getMessage());
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
