package io.tasklog.command.recurrence;

import static org.assertj.core.api.Assertions.assertThat;

import io.tasklog.command.recurrence.RecurrenceForm.WeekdayOrdinal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of the engine for random rules (built through the dashboard's form), random series starts between
 * 2000 and 2100 and zones with unusual daylight-saving rules (half-hour shifts, transitions at midnight, a
 * skipped day).
 */
class RecurrencePropertiesTest {

    static final List<String> WEEKDAYS = List.of("MO", "TU", "WE", "TH", "FR", "SA", "SU");
    static final List<ZoneId> ZONES = List.of("UTC", "Europe/Berlin", "America/New_York", "Europe/London",
            "Australia/Lord_Howe", "America/Santiago", "Asia/Kolkata", "Pacific/Apia", "Pacific/Chatham",
            "America/Sao_Paulo", "Asia/Tehran").stream().map(ZoneId::of).toList();
    static final long FROM = Instant.parse("2000-01-01T00:00:00Z").getEpochSecond();
    static final long TO = Instant.parse("2100-01-01T00:00:00Z").getEpochSecond();
    static final int WINDOW = 60;

    /** A rule from the form, a series start, a zone, and where to ask for the next occurrence. */
    record Case(RecurrenceForm form, Instant start, ZoneId zone, int pick, long offsetSeconds) {
        RecurrenceRule rule() {
            return RecurrenceRule.parse(form.toRrule());
        }
    }

    // ------------------------------------------------------------------------------------------------ properties

    @Property(tries = 200)
    void nextAfterIsTheFirstOccurrenceOfTheSeriesStrictlyAfter(@ForAll("cases") Case c) {
        RecurrenceRule rule = c.rule();
        List<Instant> series = rule.preview(c.start(), c.zone(), WINDOW);
        Instant after = series.get(c.pick() % series.size()).plusSeconds(c.offsetSeconds());
        Optional<Instant> expected = series.stream().filter(i -> i.isAfter(after)).findFirst();
        Assume.that(expected.isPresent() || series.size() < WINDOW); // else the answer lies beyond the window
        int soFar = (int) series.stream().filter(i -> !i.isAfter(after)).count();

        Optional<Instant> next = rule.nextAfter(c.start(), after, c.zone(), soFar);

        // strictly after, one of the series' occurrences, and none skipped in between
        assertThat(next).isEqualTo(expected);
        next.ifPresent(n -> {
            assertThat(n).isAfter(after);
            assertThat(series.stream().filter(i -> i.isAfter(after) && i.isBefore(n))).isEmpty();
            if (!n.equals(c.start())) { // the start is always the first occurrence, even past UNTIL
                rule.until().ifPresent(until -> assertThat(n).isBeforeOrEqualTo(until));
            }
        });
    }

    @Property(tries = 200)
    void everyOccurrenceMatchesTheRuleAtTheStartsLocalTime(@ForAll("cases") Case c) {
        RecurrenceRule rule = c.rule();
        List<Instant> series = rule.preview(c.start(), c.zone(), WINDOW);
        ZonedDateTime start = c.start().atZone(c.zone());
        assertThat(series).first().isEqualTo(c.start());
        for (int i = 1; i < series.size(); i++) {
            assertThat(series.get(i)).isAfter(series.get(i - 1));
            List<LocalDate> dates = datesOf(series.get(i), start.toLocalTime(), c.zone());
            assertThat(dates).as("%s is %s on a date, read as RFC 5545 reads a local time",
                    series.get(i).atZone(c.zone()), start.toLocalTime()).isNotEmpty();
            assertThat(dates).as("%s: one of %s matches %s (start %s)", series.get(i).atZone(c.zone()), dates,
                    c.form().toRrule(), start).anyMatch(date -> matches(c.form(), start.toLocalDate(), date));
        }
    }

    @Property(tries = 200)
    void countAndUntilAreNeverExceeded(@ForAll("cases") Case c) {
        RecurrenceRule rule = c.rule();
        List<Instant> series = rule.preview(c.start(), c.zone(), WINDOW);
        rule.count().ifPresent(count -> {
            assertThat(series).hasSizeLessThanOrEqualTo(count);
            Instant last = series.get(series.size() - 1);
            assertThat(rule.nextAfter(c.start(), last, c.zone(), count)).isEmpty();
            assertThat(rule.nextAfter(c.start(), c.start(), c.zone(), count)).isEmpty();
            if (series.size() < WINDOW && series.size() < count) {
                // the rule ran out of dates before COUNT (e.g. every 12 months on the 31st): then nothing follows
                assertThat(rule.nextAfter(c.start(), last, c.zone(), series.size())).isEmpty();
            }
        });
        rule.until().ifPresent(until -> {
            assertThat(series.subList(1, series.size())).allSatisfy(i -> assertThat(i).isBeforeOrEqualTo(until));
            for (Instant i : series) {
                rule.nextAfter(c.start(), i, c.zone(), 1).ifPresent(n -> assertThat(n).isBeforeOrEqualTo(until));
            }
        });
    }

    @Property(tries = 200)
    void afterCompletionComesOnALaterDayAtTheDueTimeOfDay(@ForAll("cases") Case c) {
        RecurrenceRule rule = c.rule();
        Instant completed = c.start().plusSeconds(c.offsetSeconds());
        LocalTime dueTime = c.start().atZone(c.zone()).toLocalTime();
        Optional<Instant> next = rule.nextAfterCompletion(completed, c.start(), c.zone(), 1);
        next.ifPresent(n -> {
            assertThat(n).isAfter(completed);
            LocalDate nextDate = n.atZone(c.zone()).toLocalDate();
            assertThat(nextDate).isAfter(completed.atZone(c.zone()).toLocalDate());
            assertThat(datesOf(n, dueTime, c.zone())).as("%s is at the due time of day %s", n.atZone(c.zone()), dueTime)
                    .isNotEmpty();
            rule.until().ifPresent(until -> assertThat(n).isBeforeOrEqualTo(until));
        });
        rule.count().ifPresent(count ->
                assertThat(rule.nextAfterCompletion(completed, c.start(), c.zone(), count)).isEmpty());
    }

    // -------------------------------------------------------------------------------- known edge cases, always run

    /*
     * Every edge case known to break calendar code runs through all of the properties above on every build, so
     * none of them depends on a lucky random draw. A property that fails on a new case: add it here.
     */

    @Example
    void apiaSkippedTheWholeOf30December2011() {
        // the case CI once drew: the second-to-last day of December 2011 did not exist in Samoa
        Case c = fixed(monthly(3, -2, null), "1999-12-31T13:00", "Pacific/Apia");
        holdsForEveryProperty(c);
        assertThat(c.rule().preview(c.start(), c.zone(), WINDOW)).as("moved by the 24-hour gap to Dec 31, 13:00")
                .contains(ZonedDateTime.parse("2011-12-31T13:00+14:00[Pacific/Apia]").toInstant());
    }

    @Example
    void aDailySeriesAcrossApiasMissingDay() {
        holdsForEveryProperty(fixed(daily(1), "2011-12-27T09:00", "Pacific/Apia"));
    }

    @Example
    void springForwardGaps() {
        holdsForEveryProperty(fixed(daily(1), "2026-03-28T02:30", "Europe/Berlin"));
        holdsForEveryProperty(fixed(weekly(1), "2026-03-01T02:30", "America/New_York"));
        holdsForEveryProperty(fixed(daily(1), "2026-10-03T02:15", "Australia/Lord_Howe")); // a half-hour gap
        holdsForEveryProperty(fixed(daily(1), "2026-09-05T00:30", "America/Santiago")); // midnight does not exist
    }

    @Example
    void fallBackOverlaps() {
        holdsForEveryProperty(fixed(daily(1), "2026-10-31T01:30", "America/New_York"));
        holdsForEveryProperty(fixed(daily(1), "2026-04-04T01:45", "Australia/Lord_Howe")); // a half-hour overlap
    }

    @Example
    void leapDays() {
        holdsForEveryProperty(fixed(yearly(null, null), "2024-02-29T09:00", "Europe/Berlin"));
        holdsForEveryProperty(fixed(yearly(2, 29), "2024-02-29T09:00", "UTC"));
        holdsForEveryProperty(fixed(monthly(1, -1, null), "2028-01-31T20:00", "America/Sao_Paulo"));
    }

    @Example
    void monthEnds() {
        holdsForEveryProperty(fixed(monthly(1, null, null), "2026-01-31T18:00", "Europe/Berlin"));
        holdsForEveryProperty(fixed(monthly(1, 31, null), "2026-01-31T18:00", "Europe/Berlin"));
        holdsForEveryProperty(fixed(monthly(1, -2, null), "2026-01-30T18:00", "Asia/Kolkata"));
        holdsForEveryProperty(fixed(monthly(1, null, new WeekdayOrdinal(5, "FR")), "2026-01-30T18:00", "UTC"));
        holdsForEveryProperty(fixed(monthly(12, 31, null), "2026-04-30T08:00", "UTC")); // selects no date again
    }

    @Example
    void countAndUntilAtTheirLimits() {
        holdsForEveryProperty(fixed(with(weekly(1), 1, null), "2026-03-01T09:00", "UTC"));
        holdsForEveryProperty(fixed(with(weekly(2), 3, null), "2026-03-01T09:00", "Europe/London"));
        Instant start = ZonedDateTime.parse("2026-03-01T09:00Z[UTC]").toInstant();
        holdsForEveryProperty(fixed(with(daily(1), null, start.plusSeconds(2 * 86_400)), "2026-03-01T09:00", "UTC"));
        holdsForEveryProperty(fixed(with(daily(1), null, start.minusSeconds(1)), "2026-03-01T09:00", "UTC"));
    }

    /** A fixed case, asked about at several points of its series (all within the preview window). */
    void holdsForEveryProperty(Case c) {
        everyOccurrenceMatchesTheRuleAtTheStartsLocalTime(c);
        countAndUntilAreNeverExceeded(c);
        for (int pick : new int[] {0, 11, 30}) {
            for (long offset : new long[] {-1, 0, 1, 3 * 86_400}) {
                Case at = new Case(c.form(), c.start(), c.zone(), pick, offset);
                nextAfterIsTheFirstOccurrenceOfTheSeriesStrictlyAfter(at);
                afterCompletionComesOnALaterDayAtTheDueTimeOfDay(at);
            }
        }
    }

    static Case fixed(RecurrenceForm form, String localStart, String zone) {
        ZoneId zoneId = ZoneId.of(zone);
        return new Case(form, ZonedDateTime.of(LocalDateTime.parse(localStart), zoneId).toInstant(), zoneId, 0, 0);
    }

    static RecurrenceForm daily(int interval) {
        return new RecurrenceForm("daily", interval, null, null, null, null, null, null);
    }

    static RecurrenceForm weekly(int interval) {
        return new RecurrenceForm("weekly", interval, null, null, null, null, null, null);
    }

    static RecurrenceForm monthly(int interval, Integer monthDay, WeekdayOrdinal ordinal) {
        return new RecurrenceForm("monthly", interval, null, monthDay, ordinal, null, null, null);
    }

    static RecurrenceForm yearly(Integer month, Integer monthDay) {
        return new RecurrenceForm("yearly", 1, null, monthDay, null, month, null, null);
    }

    // -------------------------------------------------------------------------------------------- independent

    /**
     * The instant of a local date-time as RFC 5545 (3.3.5) defines it, independently of java.time's resolver: a
     * time that does not exist (a daylight-saving gap, or a whole day a zone skipped) is read with the UTC offset
     * from before the gap, i.e. moved forward by the gap's length; a time that exists twice is the first one.
     */
    static Instant rfc5545Instant(LocalDate date, LocalTime time, ZoneId zone) {
        LocalDateTime local = LocalDateTime.of(date, time);
        ZoneOffsetTransition transition = zone.getRules().getTransition(local);
        return local.toInstant(transition != null ? transition.getOffsetBefore() : zone.getRules().getOffset(local));
    }

    /**
     * The dates whose {@code timeOfDay} is this occurrence: usually its own local date, the day before when a gap
     * pushed it past midnight, and two dates at once when a zone skipped a whole day (Apia, 2011-12-30).
     */
    static List<LocalDate> datesOf(Instant occurrence, LocalTime timeOfDay, ZoneId zone) {
        LocalDate local = occurrence.atZone(zone).toLocalDate();
        return Stream.of(local.minusDays(2), local.minusDays(1), local)
                .filter(date -> rfc5545Instant(date, timeOfDay, zone).equals(occurrence)).toList();
    }

    /** Whether a date is selected by the form's rule, computed with java.time alone. */
    static boolean matches(RecurrenceForm form, LocalDate start, LocalDate date) {
        DayOfWeek dow = date.getDayOfWeek();
        return switch (form.frequency()) {
            case "daily" -> form.weekdays() == null || form.weekdays().contains(code(dow));
            case "weekly" -> form.weekdays() == null ? dow == start.getDayOfWeek() : form.weekdays().contains(code(dow));
            case "monthly" -> dayMatches(form, start, date);
            case "yearly" -> date.getMonthValue() == (form.month() == null ? start.getMonthValue() : form.month())
                    && dayMatches(form, start, date);
            default -> throw new IllegalStateException(form.frequency());
        };
    }

    static boolean dayMatches(RecurrenceForm form, LocalDate start, LocalDate date) {
        if (form.monthDay() != null) {
            int d = form.monthDay();
            return date.getDayOfMonth() == (d > 0 ? d : date.lengthOfMonth() + d + 1);
        }
        if (form.weekdayOrdinal() != null) {
            DayOfWeek dow = RecurrenceRule.weekday(form.weekdayOrdinal().weekday());
            LocalDate nth = date.with(TemporalAdjusters.dayOfWeekInMonth(form.weekdayOrdinal().ordinal(), dow));
            return nth.equals(date);
        }
        return date.getDayOfMonth() == Math.min(start.getDayOfMonth(), date.lengthOfMonth());
    }

    static String code(DayOfWeek day) {
        return day.name().substring(0, 2);
    }

    // ------------------------------------------------------------------------------------------------ generators

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<Instant> starts = Arbitraries.longs().between(FROM, TO).map(Instant::ofEpochSecond);
        Arbitrary<ZoneId> zones = Arbitraries.of(ZONES);
        Arbitrary<Integer> picks = Arbitraries.integers().between(0, WINDOW - 1);
        Arbitrary<Long> offsets = Arbitraries.oneOf(Arbitraries.just(0L), Arbitraries.just(-1L),
                Arbitraries.just(1L), Arbitraries.longs().between(-86_400, 90L * 86_400));
        Arbitrary<Boolean> withUntil = Arbitraries.integers().between(0, 2).map(i -> i == 0);
        Arbitrary<Long> untilSeconds = Arbitraries.oneOf(Arbitraries.longs().between(-86_400, 3L * 366 * 86_400),
                Arbitraries.longs().between(-3, 3).map(d -> d * 86_400));
        return Combinators.combine(forms(), starts, zones, picks, offsets, withUntil, untilSeconds)
                .as((form, start, zone, pick, offset, until, untilOffset) -> new Case(
                        until && form.count() == null ? with(form, null, start.plusSeconds(untilOffset)) : form,
                        start, zone, pick, offset));
    }

    Arbitrary<RecurrenceForm> forms() {
        Arbitrary<Integer> intervals = Arbitraries.oneOf(Arbitraries.integers().between(1, 4),
                Arbitraries.integers().between(1, 15));
        Arbitrary<List<String>> weekdays = Arbitraries.of(WEEKDAYS).set().ofMinSize(1).ofMaxSize(4)
                .map(set -> WEEKDAYS.stream().filter(set::contains).toList());
        Arbitrary<Integer> monthDays = Arbitraries.oneOf(Arbitraries.integers().between(1, 31),
                Arbitraries.integers().between(28, 31), Arbitraries.of(-1, -2, -3));
        Arbitrary<WeekdayOrdinal> ordinals = Combinators.combine(Arbitraries.of(1, 2, 3, 4, 5, -1, -2),
                Arbitraries.of(WEEKDAYS)).as(WeekdayOrdinal::new);
        Arbitrary<Integer> months = Arbitraries.integers().between(1, 12);
        Arbitrary<Integer> counts = Arbitraries.integers().between(1, 30);

        Arbitrary<RecurrenceForm> daily = Combinators.combine(intervals, weekdays.injectNull(0.6))
                .as((i, w) -> new RecurrenceForm("daily", i, w, null, null, null, null, null));
        Arbitrary<RecurrenceForm> weekly = Combinators.combine(intervals, weekdays.injectNull(0.3))
                .as((i, w) -> new RecurrenceForm("weekly", i, w, null, null, null, null, null));
        Arbitrary<RecurrenceForm> monthly = Combinators.combine(intervals, Arbitraries.integers().between(0, 2),
                monthDays, ordinals).as((i, kind, d, o) -> new RecurrenceForm("monthly", i, null,
                        kind == 1 ? d : null, kind == 2 ? o : null, null, null, null));
        Arbitrary<RecurrenceForm> yearly = Combinators.combine(Arbitraries.integers().between(1, 3),
                Arbitraries.integers().between(0, 2), months, monthDays, ordinals).as((i, kind, m, d, o) ->
                new RecurrenceForm("yearly", i, null, kind == 1 ? Math.min(d, java.time.Month.of(m).maxLength())
                        : null, kind == 2 ? o : null, kind == 0 ? null : m, null, null));
        Arbitrary<RecurrenceForm> shapes = Arbitraries.oneOf(daily, weekly, monthly, yearly);
        // a third end after COUNT occurrences; UNTIL is set relative to the start in cases()
        return Combinators.combine(shapes, Arbitraries.integers().between(0, 2), counts)
                .as((form, end, count) -> end == 0 ? with(form, count, null) : form);
    }

    static RecurrenceForm with(RecurrenceForm f, Integer count, Instant until) {
        return new RecurrenceForm(f.frequency(), f.interval(), f.weekdays(), f.monthDay(), f.weekdayOrdinal(),
                f.month(), count, until);
    }
}
