package io.tasklog.command.recurrence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class RecurrenceOccurrencesTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final ZoneId UTC = ZoneId.of("UTC");

    /** The instant of a local wall-clock time. */
    static Instant at(String localDateTime, ZoneId zone) {
        return ZonedDateTime.of(LocalDateTime.parse(localDateTime), zone).toInstant();
    }

    /** The first n occurrences of the rule from a local start, as local date-times in that zone. */
    static List<String> local(String rrule, String start, ZoneId zone, int n) {
        return RecurrenceRule.parse(rrule).preview(at(start, zone), zone, n).stream()
                .map(i -> i.atZone(zone).toLocalDateTime().toString()).toList();
    }

    static Optional<String> nextLocal(String rrule, String start, String after, ZoneId zone, int soFar) {
        return RecurrenceRule.parse(rrule).nextAfter(at(start, zone), at(after, zone), zone, soFar)
                .map(i -> i.atZone(zone).toLocalDateTime().toString());
    }

    @Nested
    class RuleShapes {

        @Test
        void everyTwoWeeksOnMondayAndThursday() {
            assertThat(local("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH", "2026-03-02T09:00", BERLIN, 6)).containsExactly(
                    "2026-03-02T09:00", "2026-03-05T09:00", "2026-03-16T09:00", "2026-03-19T09:00",
                    "2026-03-30T09:00", "2026-04-02T09:00");
        }

        @Test
        void plainWeeklyRepeatsOnTheStartsWeekday() {
            assertThat(local("FREQ=WEEKLY", "2026-03-04T18:30", BERLIN, 3))
                    .containsExactly("2026-03-04T18:30", "2026-03-11T18:30", "2026-03-18T18:30");
        }

        @Test
        void everyWeekdayAsADailyRule() {
            assertThat(local("FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR", "2026-03-05T08:00", BERLIN, 4))
                    .containsExactly("2026-03-05T08:00", "2026-03-06T08:00", "2026-03-09T08:00", "2026-03-10T08:00");
        }

        @Test
        void aStartThatDoesNotMatchTheRuleIsStillTheFirstOccurrence() {
            // RFC 5545: DTSTART always counts as the first instance; 2026-03-04 is a Wednesday.
            assertThat(local("FREQ=WEEKLY;BYDAY=MO,TH", "2026-03-04T09:00", BERLIN, 3))
                    .containsExactly("2026-03-04T09:00", "2026-03-05T09:00", "2026-03-09T09:00");
        }

        @Test
        void theLastFridayOfEveryMonth() {
            assertThat(local("FREQ=MONTHLY;BYDAY=-1FR", "2026-01-30T16:00", BERLIN, 5)).containsExactly(
                    "2026-01-30T16:00", "2026-02-27T16:00", "2026-03-27T16:00", "2026-04-24T16:00",
                    "2026-05-29T16:00");
        }

        @Test
        void theSecondTuesdayOfEveryMonth() {
            assertThat(local("FREQ=MONTHLY;BYDAY=2TU", "2026-01-13T10:00", BERLIN, 4))
                    .containsExactly("2026-01-13T10:00", "2026-02-10T10:00", "2026-03-10T10:00", "2026-04-14T10:00");
        }

        @Test
        void aFifthWeekdayIsSkippedInMonthsWithoutOne() {
            assertThat(local("FREQ=MONTHLY;BYDAY=5FR", "2026-01-30T10:00", BERLIN, 3))
                    .containsExactly("2026-01-30T10:00", "2026-05-29T10:00", "2026-07-31T10:00");
        }

        @Test
        void everyThreeMonthsOnThe31stSkipsMonthsWithoutOne() {
            assertThat(local("FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=31", "2026-01-31T09:00", BERLIN, 5)).containsExactly(
                    "2026-01-31T09:00", "2026-07-31T09:00", "2026-10-31T09:00", "2027-01-31T09:00",
                    "2027-07-31T09:00");
        }

        @Test
        void yearlyThanksgiving() {
            assertThat(local("FREQ=YEARLY;BYMONTH=11;BYDAY=4TH", "2026-11-26T12:00", NEW_YORK, 3))
                    .containsExactly("2026-11-26T12:00", "2027-11-25T12:00", "2028-11-23T12:00");
        }

        @Test
        void yearlyOnGivenMonthsAndDay() {
            assertThat(local("FREQ=YEARLY;BYMONTH=1,7;BYMONTHDAY=15", "2026-01-15T09:00", BERLIN, 4))
                    .containsExactly("2026-01-15T09:00", "2026-07-15T09:00", "2027-01-15T09:00", "2027-07-15T09:00");
        }

        @Test
        void aWeekStartChangesWhichWeeksCountForBiweeklyRules() {
            // Starting on a Sunday: with WKST=MO the Sunday ends week 1, so the next Monday is in the skipped week.
            assertThat(local("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,SU", "2026-03-01T09:00", BERLIN, 3))
                    .containsExactly("2026-03-01T09:00", "2026-03-09T09:00", "2026-03-15T09:00");
            assertThat(local("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,SU;WKST=SU", "2026-03-01T09:00", BERLIN, 3))
                    .containsExactly("2026-03-01T09:00", "2026-03-02T09:00", "2026-03-15T09:00");
        }
    }

    @Nested
    class MonthEndsAndLeapYears {

        @Test
        void monthlyFromJan31FallsBackToTheMonthEndWithoutDrifting() {
            assertThat(local("FREQ=MONTHLY", "2024-01-31T09:00", BERLIN, 5)).containsExactly(
                    "2024-01-31T09:00", "2024-02-29T09:00", "2024-03-31T09:00", "2024-04-30T09:00",
                    "2024-05-31T09:00");
            assertThat(local("FREQ=MONTHLY", "2025-01-31T09:00", BERLIN, 2))
                    .containsExactly("2025-01-31T09:00", "2025-02-28T09:00");
        }

        @Test
        void monthlyOnThe31stSkipsMonthsWithoutOne() {
            assertThat(local("FREQ=MONTHLY;BYMONTHDAY=31", "2024-01-31T09:00", BERLIN, 4))
                    .containsExactly("2024-01-31T09:00", "2024-03-31T09:00", "2024-05-31T09:00", "2024-07-31T09:00");
        }

        @Test
        void lastDayOfEveryMonth() {
            assertThat(local("FREQ=MONTHLY;BYMONTHDAY=-1", "2024-01-31T09:00", BERLIN, 4))
                    .containsExactly("2024-01-31T09:00", "2024-02-29T09:00", "2024-03-31T09:00", "2024-04-30T09:00");
            assertThat(local("FREQ=MONTHLY;BYMONTHDAY=-1", "2025-01-15T09:00", BERLIN, 3))
                    .containsExactly("2025-01-15T09:00", "2025-01-31T09:00", "2025-02-28T09:00");
        }

        @Test
        void yearlyFromFeb29FallsBackToFeb28InCommonYears() {
            assertThat(local("FREQ=YEARLY", "2024-02-29T09:00", BERLIN, 5)).containsExactly(
                    "2024-02-29T09:00", "2025-02-28T09:00", "2026-02-28T09:00", "2027-02-28T09:00",
                    "2028-02-29T09:00");
        }

        @Test
        void yearlyOnFeb29ExplicitlyOnlyInLeapYears() {
            assertThat(local("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", "2024-02-29T09:00", BERLIN, 3))
                    .containsExactly("2024-02-29T09:00", "2028-02-29T09:00", "2032-02-29T09:00");
            assertThat(local("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1", "2024-02-29T09:00", BERLIN, 3))
                    .containsExactly("2024-02-29T09:00", "2025-02-28T09:00", "2026-02-28T09:00");
        }

        @Test
        void nextAfterAcrossAShortMonth() {
            assertThat(nextLocal("FREQ=MONTHLY", "2024-01-31T09:00", "2024-02-29T09:00", BERLIN, 2))
                    .contains("2024-03-31T09:00");
            assertThat(nextLocal("FREQ=MONTHLY", "2024-01-31T09:00", "2024-01-31T09:00", BERLIN, 1))
                    .contains("2024-02-29T09:00");
        }

        @Test
        @Timeout(5)
        void aRuleThatNeverRepeatsEndsAfterItsStart() {
            // Every 12 months on the 31st, starting in April: no later month has a 31st.
            RecurrenceRule rule = RecurrenceRule.parse("FREQ=MONTHLY;INTERVAL=12;BYMONTHDAY=31");
            Instant start = at("2026-04-30T09:00", BERLIN);
            assertThat(rule.preview(start, BERLIN, 5)).containsExactly(start);
            assertThat(rule.nextAfter(start, start, BERLIN, 1)).isEmpty();
        }
    }

    @Nested
    class DaylightSaving {

        @Test
        void nineOClockStaysNineOClockInBerlin() {
            RecurrenceRule daily = RecurrenceRule.parse("FREQ=DAILY");
            // Spring forward on 2026-03-29 (CET +01 -> CEST +02), fall back on 2026-10-25.
            assertThat(daily.preview(at("2026-03-28T09:00", BERLIN), BERLIN, 3)).containsExactly(
                    Instant.parse("2026-03-28T08:00:00Z"), Instant.parse("2026-03-29T07:00:00Z"),
                    Instant.parse("2026-03-30T07:00:00Z"));
            assertThat(daily.preview(at("2026-10-24T09:00", BERLIN), BERLIN, 3)).containsExactly(
                    Instant.parse("2026-10-24T07:00:00Z"), Instant.parse("2026-10-25T08:00:00Z"),
                    Instant.parse("2026-10-26T08:00:00Z"));
        }

        @Test
        void nineOClockStaysNineOClockInNewYork() {
            RecurrenceRule weekly = RecurrenceRule.parse("FREQ=WEEKLY");
            // Spring forward on 2026-03-08 (EST -5 -> EDT -4), fall back on 2026-11-01.
            assertThat(weekly.preview(at("2026-03-01T09:00", NEW_YORK), NEW_YORK, 2)).containsExactly(
                    Instant.parse("2026-03-01T14:00:00Z"), Instant.parse("2026-03-08T13:00:00Z"));
            assertThat(weekly.nextAfter(at("2026-03-01T09:00", NEW_YORK), Instant.parse("2026-10-25T13:00:00Z"),
                    NEW_YORK, 35)).contains(Instant.parse("2026-11-01T14:00:00Z"));
        }

        @Test
        void aLocalTimeInTheSpringForwardGapMovesForwardForThatDayOnly() {
            assertThat(local("FREQ=DAILY", "2026-03-07T02:30", NEW_YORK, 3))
                    .containsExactly("2026-03-07T02:30", "2026-03-08T03:30", "2026-03-09T02:30");
            assertThat(local("FREQ=DAILY", "2026-03-28T02:30", BERLIN, 3))
                    .containsExactly("2026-03-28T02:30", "2026-03-29T03:30", "2026-03-30T02:30");
        }

        @Test
        void anAmbiguousFallBackTimeTakesTheEarlierInstant() {
            RecurrenceRule daily = RecurrenceRule.parse("FREQ=DAILY");
            assertThat(daily.preview(at("2026-10-31T01:30", NEW_YORK), NEW_YORK, 3)).containsExactly(
                    Instant.parse("2026-10-31T05:30:00Z"), Instant.parse("2026-11-01T05:30:00Z"),
                    Instant.parse("2026-11-02T06:30:00Z"));
        }

        @Test
        void aDayMissingFromTheCalendarDoesNotYieldTheSameInstantTwice() {
            // Samoa skipped 2011-12-30 entirely.
            ZoneId apia = ZoneId.of("Pacific/Apia");
            assertThat(local("FREQ=DAILY", "2011-12-28T09:00", apia, 4))
                    .containsExactly("2011-12-28T09:00", "2011-12-29T09:00", "2011-12-31T09:00", "2012-01-01T09:00");
        }

        @Test
        void theZoneDecidesTheDate() {
            // 23:30 in New York is already the next day in UTC; weekly Mondays stay Mondays in New York.
            assertThat(local("FREQ=WEEKLY;BYDAY=MO", "2026-03-02T23:30", NEW_YORK, 2))
                    .containsExactly("2026-03-02T23:30", "2026-03-09T23:30");
        }
    }

    @Nested
    class CountAndUntil {

        @Test
        void endsAfterTenTimes() {
            RecurrenceRule rule = RecurrenceRule.parse("FREQ=DAILY;COUNT=10");
            Instant start = at("2026-03-01T09:00", BERLIN);
            List<Instant> all = rule.preview(start, BERLIN, 50);
            assertThat(all).hasSize(10).startsWith(start).endsWith(at("2026-03-10T09:00", BERLIN));
            assertThat(rule.nextAfter(start, all.get(8), BERLIN, 9)).contains(all.get(9));
            assertThat(rule.nextAfter(start, all.get(9), BERLIN, 10)).isEmpty();
            assertThat(rule.nextAfter(start, all.get(5), BERLIN, 10)).isEmpty();
        }

        @Test
        void countOfOneIsJustTheStart() {
            RecurrenceRule rule = RecurrenceRule.parse("FREQ=WEEKLY;COUNT=1");
            Instant start = at("2026-03-01T09:00", BERLIN);
            assertThat(rule.preview(start, BERLIN, 5)).containsExactly(start);
            assertThat(rule.nextAfter(start, start, BERLIN, 1)).isEmpty();
        }

        @Test
        void untilIsInclusive() {
            RecurrenceRule rule = RecurrenceRule.parse("FREQ=DAILY;UNTIL=20260305T080000Z");
            Instant start = at("2026-03-02T09:00", BERLIN);
            assertThat(rule.preview(start, BERLIN, 10)).hasSize(4).endsWith(Instant.parse("2026-03-05T08:00:00Z"));
            assertThat(rule.nextAfter(start, Instant.parse("2026-03-04T08:00:00Z"), BERLIN, 3))
                    .contains(Instant.parse("2026-03-05T08:00:00Z"));
            assertThat(rule.nextAfter(start, Instant.parse("2026-03-05T08:00:00Z"), BERLIN, 4)).isEmpty();
        }

        @Test
        void anOccurrenceOneSecondAfterUntilDoesNotHappen() {
            RecurrenceRule rule = RecurrenceRule.parse("FREQ=DAILY;UNTIL=20260305T075959Z");
            Instant start = at("2026-03-02T09:00", BERLIN);
            assertThat(rule.preview(start, BERLIN, 10)).hasSize(3).endsWith(Instant.parse("2026-03-04T08:00:00Z"));
            assertThat(rule.nextAfter(start, Instant.parse("2026-03-04T08:00:00Z"), BERLIN, 3)).isEmpty();
        }

        @Test
        void untilBeforeTheStartLeavesOnlyTheStart() {
            RecurrenceRule rule = RecurrenceRule.parse("FREQ=DAILY;UNTIL=20200101T000000Z");
            Instant start = at("2026-03-02T09:00", BERLIN);
            assertThat(rule.preview(start, BERLIN, 10)).containsExactly(start);
            assertThat(rule.nextAfter(start, start, BERLIN, 1)).isEmpty();
        }
    }

    @Nested
    class NextAfter {

        @Test
        void isStrictlyAfterEvenWhenAfterIsAnOccurrence() {
            assertThat(nextLocal("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH", "2026-03-02T09:00", "2026-03-05T09:00",
                    BERLIN, 2)).contains("2026-03-16T09:00");
        }

        @Test
        void betweenOccurrencesGivesTheNextOne() {
            assertThat(nextLocal("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH", "2026-03-02T09:00", "2026-03-07T12:00",
                    BERLIN, 2)).contains("2026-03-16T09:00");
        }

        @Test
        void beforeTheStartGivesTheStart() {
            assertThat(nextLocal("FREQ=DAILY", "2026-03-02T09:00", "2026-01-01T00:00", BERLIN, 0))
                    .contains("2026-03-02T09:00");
        }

        @Test
        void farAfterTheStart() {
            assertThat(nextLocal("FREQ=DAILY;INTERVAL=3", "2000-01-01T09:00", "2099-06-15T12:00", BERLIN, 1))
                    .contains("2099-06-17T09:00"); // 36326 days after the start, a multiple of 3
            assertThat(nextLocal("FREQ=MONTHLY", "2000-01-31T09:00", "2099-02-01T00:00", BERLIN, 1))
                    .contains("2099-02-28T09:00");
        }

        @Test
        void keepsSecondsAndFractions() {
            Instant start = Instant.parse("2026-03-02T08:15:30.250Z");
            assertThat(RecurrenceRule.parse("FREQ=DAILY").nextAfter(start, start, BERLIN, 1))
                    .contains(Instant.parse("2026-03-03T08:15:30.250Z"));
        }

        @Test
        void rejectsANegativeCount() {
            Instant start = Instant.parse("2026-03-02T08:00:00Z");
            assertThatThrownBy(() -> RecurrenceRule.parse("FREQ=DAILY").nextAfter(start, start, UTC, -1))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> RecurrenceRule.parse("FREQ=DAILY").preview(start, UTC, 1001))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class AfterCompletion {

        final RecurrenceRule everyThreeDays = RecurrenceRule.parse("FREQ=DAILY;INTERVAL=3");
        final Instant due = at("2026-03-02T09:00", BERLIN);

        @Test
        void threeDaysAfterIFinishItAtTheDueTimeOfDay() {
            assertThat(everyThreeDays.nextAfterCompletion(at("2026-03-04T17:40", BERLIN), due, BERLIN, 1))
                    .contains(at("2026-03-07T09:00", BERLIN));
        }

        @Test
        void finishingBeforeTheDueTimeOfDayStillCountsFromThatDay() {
            assertThat(everyThreeDays.nextAfterCompletion(at("2026-03-04T07:00", BERLIN), due, BERLIN, 1))
                    .contains(at("2026-03-07T09:00", BERLIN));
        }

        @Test
        void theCompletionDayIsTheTasksZoneDay() {
            // 23:30 UTC on Mar 4 is already Mar 5 in Berlin.
            assertThat(everyThreeDays.nextAfterCompletion(Instant.parse("2026-03-04T23:30:00Z"), due, BERLIN, 1))
                    .contains(at("2026-03-08T09:00", BERLIN));
        }

        @Test
        void keepsTheDueTimeAcrossDaylightSaving() {
            assertThat(everyThreeDays.nextAfterCompletion(at("2026-03-27T12:00", BERLIN), due, BERLIN, 1))
                    .contains(Instant.parse("2026-03-30T07:00:00Z"));
        }

        @Test
        void weeklyOnDaysContinuesWithTheNextMatchingDay() {
            RecurrenceRule rule = RecurrenceRule.parse("FREQ=WEEKLY;BYDAY=MO,TH");
            assertThat(rule.nextAfterCompletion(at("2026-03-03T20:00", BERLIN), due, BERLIN, 1)) // a Tuesday
                    .contains(at("2026-03-05T09:00", BERLIN));
        }

        @Test
        void monthlyFromTheLastDayOfJanuary() {
            RecurrenceRule rule = RecurrenceRule.parse("FREQ=MONTHLY");
            assertThat(rule.nextAfterCompletion(at("2024-01-31T10:00", BERLIN), due, BERLIN, 1))
                    .contains(at("2024-02-29T09:00", BERLIN));
        }

        @Test
        void withoutADueDateUsesTheCompletionTime() {
            assertThat(everyThreeDays.nextAfterCompletion(at("2026-03-04T17:40", BERLIN), null, BERLIN, 1))
                    .contains(at("2026-03-07T17:40", BERLIN));
        }

        @Test
        void thePlainFormReanchorsAtTheCompletionInstant() {
            Instant completed = at("2026-03-04T17:40", BERLIN);
            assertThat(everyThreeDays.nextAfter(completed, completed, BERLIN, 1))
                    .contains(at("2026-03-07T17:40", BERLIN));
        }

        @Test
        void honoursCountAndUntil() {
            RecurrenceRule counted = RecurrenceRule.parse("FREQ=DAILY;INTERVAL=3;COUNT=3");
            assertThat(counted.nextAfterCompletion(at("2026-03-04T17:40", BERLIN), due, BERLIN, 2)).isPresent();
            assertThat(counted.nextAfterCompletion(at("2026-03-04T17:40", BERLIN), due, BERLIN, 3)).isEmpty();
            RecurrenceRule until = RecurrenceRule.parse("FREQ=DAILY;INTERVAL=3;UNTIL=20260307T080000Z");
            assertThat(until.nextAfterCompletion(at("2026-03-04T17:40", BERLIN), due, BERLIN, 1))
                    .contains(Instant.parse("2026-03-07T08:00:00Z"));
            assertThat(until.nextAfterCompletion(at("2026-03-05T17:40", BERLIN), due, BERLIN, 2)).isEmpty();
        }
    }
}
