package io.tasklog.command.recurrence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.tasklog.command.recurrence.RecurrenceForm.WeekdayOrdinal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecurrenceFormTest {

    static RecurrenceForm form(String frequency) {
        return new RecurrenceForm(frequency, null, null, null, null, null, null, null);
    }

    @Test
    void everyTwoWeeksOnMondayAndThursday() {
        assertThat(new RecurrenceForm("weekly", 2, List.of("th", "MO"), null, null, null, null, null).toRrule())
                .isEqualTo("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH");
    }

    @Test
    void theLastFridayOfEveryMonth() {
        assertThat(new RecurrenceForm("monthly", null, null, null, new WeekdayOrdinal(-1, "FR"), null, null, null)
                .toRrule()).isEqualTo("FREQ=MONTHLY;BYDAY=-1FR");
    }

    @Test
    void everyThreeMonthsOnThe31stAndTheLastDay() {
        assertThat(new RecurrenceForm("monthly", 3, null, 31, null, null, null, null).toRrule())
                .isEqualTo("FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=31");
        assertThat(new RecurrenceForm("monthly", null, null, -1, null, null, null, null).toRrule())
                .isEqualTo("FREQ=MONTHLY;BYMONTHDAY=-1");
    }

    @Test
    void yearlyInAMonth() {
        assertThat(new RecurrenceForm("Yearly", null, null, null, new WeekdayOrdinal(4, "TH"), 11, null, null)
                .toRrule()).isEqualTo("FREQ=YEARLY;BYMONTH=11;BYDAY=4TH");
    }

    @Test
    void endsAfterTenTimesOrAtADate() {
        assertThat(new RecurrenceForm("daily", 3, null, null, null, null, 10, null).toRrule())
                .isEqualTo("FREQ=DAILY;INTERVAL=3;COUNT=10");
        assertThat(new RecurrenceForm("daily", null, null, null, null, null, null,
                Instant.parse("2026-12-31T22:59:59.900Z")).toRrule())
                .isEqualTo("FREQ=DAILY;UNTIL=20261231T225959Z");
    }

    @Test
    void readsTheDashboardsJson() throws Exception {
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
        RecurrenceForm form = json.readValue("""
                {"frequency": "monthly", "interval": 2, "weekdayOrdinal": {"ordinal": 2, "weekday": "TU"},
                 "until": "2027-01-01T00:00:00Z"}""", RecurrenceForm.class);
        assertThat(form.toRrule()).isEqualTo("FREQ=MONTHLY;INTERVAL=2;BYDAY=2TU;UNTIL=20270101T000000Z");
    }

    @Test
    void rejectsWithAPreciseMessage() {
        assertThatThrownBy(() -> form(null).toRrule())
                .isInstanceOf(InvalidRecurrenceException.class)
                .hasMessage("frequency is required (daily, weekly, monthly or yearly)");
        assertThatThrownBy(() -> form("fortnightly").toRrule())
                .hasMessage("FREQ=FORTNIGHTLY is not a frequency; use DAILY, WEEKLY, MONTHLY or YEARLY");
        assertThatThrownBy(() -> form("every day").toRrule())
                .hasMessage("frequency 'every day' is not one of daily, weekly, monthly or yearly");
        assertThatThrownBy(() -> form("hourly").toRrule())
                .hasMessage("FREQ=HOURLY is not supported; use DAILY, WEEKLY, MONTHLY or YEARLY");
        assertThatThrownBy(() -> new RecurrenceForm("weekly", 0, null, null, null, null, null, null).toRrule())
                .hasMessage("INTERVAL must be 1..999, not 0");
        assertThatThrownBy(() -> new RecurrenceForm("weekly", null, List.of("MO", "Funday"), null, null, null, null,
                null).toRrule()).hasMessage("weekdays: 'Funday' is not a weekday (MO, TU, WE, TH, FR, SA or SU)");
        // counted before any is read, so the eighth (and the invalid first) is never looked at
        assertThatThrownBy(() -> new RecurrenceForm("weekly", null, List.of("Funday", "MO", "TU", "WE", "TH", "FR", "SA",
                "SU"), null, null, null, null, null).toRrule()).hasMessage("weekdays: at most 7 weekdays");
        assertThatThrownBy(() -> new RecurrenceForm("weekly", null, null, null, new WeekdayOrdinal(2, "TU"), null,
                null, null).toRrule()).hasMessage("BYDAY ordinals (2TU) are only allowed with FREQ=MONTHLY or YEARLY");
        assertThatThrownBy(() -> new RecurrenceForm("monthly", null, null, null, new WeekdayOrdinal(null, "TU"),
                null, null, null).toRrule()).hasMessage("weekdayOrdinal.ordinal is required (1..5, or -1 for the last)");
        assertThatThrownBy(() -> new RecurrenceForm("monthly", null, null, null, new WeekdayOrdinal(0, "TU"),
                null, null, null).toRrule()).hasMessage("weekdayOrdinal.ordinal must not be 0");
        assertThatThrownBy(() -> new RecurrenceForm("monthly", null, null, null, new WeekdayOrdinal(1, null),
                null, null, null).toRrule())
                .hasMessage("weekdayOrdinal.weekday must be weekdays MO, TU, WE, TH, FR, SA or SU");
        assertThatThrownBy(() -> new RecurrenceForm("monthly", null, null, 32, null, null, null, null).toRrule())
                .hasMessage("BYMONTHDAY values must be 1..31 or -31..-1 (-1 is the last day of the month), not '32'");
        assertThatThrownBy(() -> new RecurrenceForm("monthly", null, null, null, null, 3, null, null).toRrule())
                .hasMessage("BYMONTH is only allowed with FREQ=YEARLY");
        assertThatThrownBy(() -> new RecurrenceForm("daily", null, null, null, null, null, 5,
                Instant.parse("2027-01-01T00:00:00Z")).toRrule()).hasMessage("COUNT and UNTIL cannot both be set");
        assertThatThrownBy(() -> new RecurrenceForm("monthly", null, List.of("FR"), 13, null, null, null, null)
                .toRrule()).hasMessage("BYDAY and BYMONTHDAY cannot both be set");
    }
}
