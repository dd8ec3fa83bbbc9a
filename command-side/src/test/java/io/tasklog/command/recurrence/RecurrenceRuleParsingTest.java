package io.tasklog.command.recurrence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RecurrenceRuleParsingTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "FREQ=DAILY | FREQ=DAILY",
            "RRULE:FREQ=DAILY;INTERVAL=1 | FREQ=DAILY",
            "rrule:freq=weekly;interval=2;byday=th,mo | FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH",
            "  FREQ=WEEKLY ; BYDAY=MO,TH,MO ; | FREQ=WEEKLY;BYDAY=MO,TH",
            "FREQ=MONTHLY;BYDAY=-1FR | FREQ=MONTHLY;BYDAY=-1FR",
            "FREQ=MONTHLY;BYDAY=-1FR,+2TU,1MO | FREQ=MONTHLY;BYDAY=1MO,2TU,-1FR",
            "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=31 | FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=31",
            "FREQ=MONTHLY;BYMONTHDAY=-1,1,15 | FREQ=MONTHLY;BYMONTHDAY=1,15,-1",
            "FREQ=YEARLY;BYMONTH=11,2;BYMONTHDAY=29 | FREQ=YEARLY;BYMONTH=2,11;BYMONTHDAY=29",
            "FREQ=YEARLY;BYMONTH=11;BYDAY=4TH | FREQ=YEARLY;BYMONTH=11;BYDAY=4TH",
            "FREQ=YEARLY;BYDAY=20MO | FREQ=YEARLY;BYDAY=20MO",
            "FREQ=WEEKLY;COUNT=10 | FREQ=WEEKLY;COUNT=10",
            "COUNT=10;FREQ=DAILY | FREQ=DAILY;COUNT=10",
            "FREQ=DAILY;UNTIL=20261231T235959Z | FREQ=DAILY;UNTIL=20261231T235959Z",
            "FREQ=WEEKLY;WKST=SU;BYDAY=SU,SA;INTERVAL=2 | FREQ=WEEKLY;INTERVAL=2;BYDAY=SA,SU;WKST=SU",
            "FREQ=WEEKLY;WKST=MO | FREQ=WEEKLY",
            "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR | FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR",
            "FREQ=DAILY;INTERVAL=999 | FREQ=DAILY;INTERVAL=999",
            "FREQ=DAILY;COUNT=9999 | FREQ=DAILY;COUNT=9999",
    })
    void normalisesToCanonicalForm(String rrule, String canonical) {
        RecurrenceRule rule = RecurrenceRule.parse(rrule);
        assertThat(rule.canonical()).isEqualTo(canonical);
        assertThat(rule).hasToString(canonical).isEqualTo(RecurrenceRule.parse(canonical));
        assertThat(RecurrenceRule.parse(rule.canonical()).canonical()).isEqualTo(canonical);
    }

    @Test
    void exposesItsParts() {
        RecurrenceRule rule = RecurrenceRule.parse("FREQ=WEEKLY;INTERVAL=2;COUNT=10");
        assertThat(rule.frequency()).isEqualTo(RecurrenceRule.Frequency.WEEKLY);
        assertThat(rule.interval()).isEqualTo(2);
        assertThat(rule.count()).hasValue(10);
        assertThat(rule.until()).isEmpty();
        RecurrenceRule until = RecurrenceRule.parse("FREQ=DAILY;UNTIL=20261231T235959Z");
        assertThat(until.until()).contains(Instant.parse("2026-12-31T23:59:59Z"));
        assertThat(until.count()).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            // syntax
            "\"\" | rrule must not be empty",
            "\"   \" | rrule must not be empty",
            "RRULE: | rrule must not be empty",
            "FREQ | malformed part 'FREQ': expected NAME=VALUE",
            "FREQ=DAILY;;COUNT=2 | malformed rrule: empty part (check the ';' separators)",
            "; | malformed rrule: empty part (check the ';' separators)",
            "=DAILY | malformed part '=DAILY': the name is missing",
            "FREQ= | FREQ has no value",
            "FREQ=DAILY;FREQ=WEEKLY | FREQ is given more than once",
            "EXRULE:FREQ=DAILY | malformed rrule: unexpected ':'; give the rule as NAME=VALUE parts such as FREQ=WEEKLY;BYDAY=MO",
            // parts
            "INTERVAL=2 | FREQ is required (DAILY, WEEKLY, MONTHLY or YEARLY)",
            "FREQ=HOURLY | FREQ=HOURLY is not supported; use DAILY, WEEKLY, MONTHLY or YEARLY",
            "FREQ=MINUTELY | FREQ=MINUTELY is not supported; use DAILY, WEEKLY, MONTHLY or YEARLY",
            "FREQ=SECONDLY | FREQ=SECONDLY is not supported; use DAILY, WEEKLY, MONTHLY or YEARLY",
            "FREQ=FORTNIGHTLY | FREQ=FORTNIGHTLY is not a frequency; use DAILY, WEEKLY, MONTHLY or YEARLY",
            "FREQ=DAILY;BYHOUR=9 | BYHOUR is not supported; supported parts are FREQ, INTERVAL, BYDAY, BYMONTHDAY, BYMONTH, COUNT, UNTIL and WKST",
            "FREQ=MONTHLY;BYSETPOS=-1 | BYSETPOS is not supported; supported parts are FREQ, INTERVAL, BYDAY, BYMONTHDAY, BYMONTH, COUNT, UNTIL and WKST",
            "FREQ=YEARLY;BYWEEKNO=20 | BYWEEKNO is not supported; supported parts are FREQ, INTERVAL, BYDAY, BYMONTHDAY, BYMONTH, COUNT, UNTIL and WKST",
            "FREQ=YEARLY;BYYEARDAY=100 | BYYEARDAY is not supported; supported parts are FREQ, INTERVAL, BYDAY, BYMONTHDAY, BYMONTH, COUNT, UNTIL and WKST",
            "FREQ=MONTHLY;RSCALE=GREGORIAN;SKIP=BACKWARD | RSCALE is not supported; supported parts are FREQ, INTERVAL, BYDAY, BYMONTHDAY, BYMONTH, COUNT, UNTIL and WKST",
            "FREQ=DAILY;FOO=1 | unknown rule part 'FOO'; supported parts are FREQ, INTERVAL, BYDAY, BYMONTHDAY, BYMONTH, COUNT, UNTIL and WKST",
            "FREQ=DAILY;X-NAME=1 | unknown rule part 'X-NAME'; supported parts are FREQ, INTERVAL, BYDAY, BYMONTHDAY, BYMONTH, COUNT, UNTIL and WKST",
            "DTSTART=20260101T090000Z;FREQ=DAILY | DTSTART is not supported; the task's due date is the start of the series",
            "DTSTART:20260101T090000Z | DTSTART is not supported; the task's due date is the start of the series",
            "FREQ=DAILY;DTSTART=20260101T090000Z | DTSTART is not supported; the task's due date is the start of the series",
            // INTERVAL, COUNT, UNTIL
            "FREQ=DAILY;INTERVAL=0 | INTERVAL must be 1..999, not 0",
            "FREQ=DAILY;INTERVAL=1000 | INTERVAL must be 1..999, not 1000",
            "FREQ=DAILY;INTERVAL=-2 | INTERVAL must be 1..999, not -2",
            "FREQ=DAILY;INTERVAL=two | INTERVAL must be a whole number, not 'TWO'",
            "FREQ=DAILY;INTERVAL=99999999999 | INTERVAL must be a whole number, not '99999999999'",
            "FREQ=DAILY;COUNT=0 | COUNT must be 1..9999, not 0",
            "FREQ=DAILY;COUNT=10000 | COUNT must be 1..9999, not 10000",
            "FREQ=DAILY;COUNT=1.5 | COUNT must be a whole number, not '1.5'",
            "FREQ=DAILY;COUNT=3;UNTIL=20261231T235959Z | COUNT and UNTIL cannot both be set",
            "FREQ=DAILY;UNTIL=20261231 | UNTIL must be a UTC date-time like 20261231T235959Z, not '20261231'",
            "FREQ=DAILY;UNTIL=20261231T235959 | UNTIL must be a UTC date-time like 20261231T235959Z, not '20261231T235959'",
            "FREQ=DAILY;UNTIL=2026-12-31T23:59:59Z | malformed rrule: unexpected ':'; give the rule as NAME=VALUE parts such as FREQ=WEEKLY;BYDAY=MO",
            "FREQ=DAILY;UNTIL=20260230T000000Z | UNTIL 20260230T000000Z is not a valid date-time",
            // BYDAY
            "FREQ=WEEKLY;BYDAY=MONDAY | BYDAY value 'MONDAY' is not a weekday like MO or an ordinal weekday like 2TU or -1FR",
            "FREQ=WEEKLY;BYDAY=MO,,TU | BYDAY value '' is not a weekday like MO or an ordinal weekday like 2TU or -1FR",
            "FREQ=WEEKLY;BYDAY=2TU | BYDAY ordinals (2TU) are only allowed with FREQ=MONTHLY or YEARLY",
            "FREQ=DAILY;BYDAY=-1FR | BYDAY ordinals (-1FR) are only allowed with FREQ=MONTHLY or YEARLY",
            "FREQ=MONTHLY;BYDAY=0MO | BYDAY ordinal must not be 0 ('0MO')",
            "FREQ=MONTHLY;BYDAY=6TU | BYDAY ordinal in 6TU must be 1..5 or -5..-1 for FREQ=MONTHLY",
            "FREQ=MONTHLY;BYDAY=-6TU | BYDAY ordinal in -6TU must be 1..5 or -5..-1 for FREQ=MONTHLY",
            "FREQ=YEARLY;BYDAY=54MO | BYDAY ordinal in 54MO must be 1..53 or -53..-1 for FREQ=YEARLY",
            "FREQ=YEARLY;BYMONTH=3;BYDAY=6MO | BYDAY ordinal in 6MO must be 1..5 or -5..-1 for FREQ=YEARLY with BYMONTH",
            "FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13 | BYDAY and BYMONTHDAY cannot both be set",
            // BYMONTHDAY, BYMONTH, WKST
            "FREQ=WEEKLY;BYMONTHDAY=1 | BYMONTHDAY is only allowed with FREQ=MONTHLY or YEARLY",
            "FREQ=DAILY;BYMONTHDAY=1 | BYMONTHDAY is only allowed with FREQ=MONTHLY or YEARLY",
            "FREQ=MONTHLY;BYMONTHDAY=32 | BYMONTHDAY values must be 1..31 or -31..-1 (-1 is the last day of the month), not '32'",
            "FREQ=MONTHLY;BYMONTHDAY=0 | BYMONTHDAY values must be 1..31 or -31..-1 (-1 is the last day of the month), not '0'",
            "FREQ=MONTHLY;BYMONTHDAY=-32 | BYMONTHDAY values must be 1..31 or -31..-1 (-1 is the last day of the month), not '-32'",
            "FREQ=MONTHLY;BYMONTHDAY=last | BYMONTHDAY values must be 1..31 or -31..-1 (-1 is the last day of the month), not 'LAST'",
            "FREQ=MONTHLY;BYMONTH=1 | BYMONTH is only allowed with FREQ=YEARLY",
            "FREQ=YEARLY;BYMONTH=13 | BYMONTH values must be months 1..12, not '13'",
            "FREQ=YEARLY;BYMONTH=JAN | BYMONTH values must be months 1..12, not 'JAN'",
            "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30 | BYMONTHDAY=30 never falls in BYMONTH=2, so the rule would never repeat",
            "FREQ=YEARLY;BYMONTH=4,6;BYMONTHDAY=31,-31 | BYMONTHDAY=31,-31 never falls in BYMONTH=4,6, so the rule would never repeat",
            "FREQ=WEEKLY;WKST=XX | WKST must be a weekday like MO, not 'XX'",
    })
    void rejectsWithAPreciseMessage(String rrule, String message) {
        assertThatThrownBy(() -> RecurrenceRule.parse(rrule))
                .isInstanceOf(InvalidRecurrenceException.class)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void rejectsNullMultiLineAndOverlongRules() {
        assertThatThrownBy(() -> RecurrenceRule.parse(null)).hasMessage("rrule is required");
        assertThatThrownBy(() -> RecurrenceRule.parse("DTSTART:20260101T090000Z\nRRULE:FREQ=DAILY"))
                .hasMessage("DTSTART is not supported; the task's due date is the start of the series");
        assertThatThrownBy(() -> RecurrenceRule.parse("RRULE:FREQ=DAILY\nEXDATE:20260102T090000Z"))
                .hasMessage("only a single RRULE is accepted; DTSTART, EXDATE, RDATE and other properties are not supported");
        assertThatThrownBy(() -> RecurrenceRule.parse("FREQ=WEEKLY;BYDAY=" + "MO,".repeat(200) + "TU"))
                .hasMessage("rrule is too long (at most 500 characters)");
    }

    @Test
    void acceptsFeb29InAYearlyRuleAndTheLastDayEverywhere() {
        assertThat(RecurrenceRule.parse("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29").canonical())
                .isEqualTo("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29");
        assertThat(RecurrenceRule.parse("FREQ=YEARLY;BYMONTH=2,4;BYMONTHDAY=-1").canonical())
                .isEqualTo("FREQ=YEARLY;BYMONTH=2,4;BYMONTHDAY=-1");
    }
}
