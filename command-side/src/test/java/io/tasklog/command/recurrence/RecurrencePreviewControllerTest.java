package io.tasklog.command.recurrence;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

class RecurrencePreviewControllerTest {

    final MockMvc mvc = MockMvcBuilders.standaloneSetup(new RecurrencePreviewController()).build();

    ResultActions preview(String body) throws Exception {
        return mvc.perform(post("/api/recurrence/preview").contentType(MediaType.APPLICATION_JSON).content(body));
    }

    @Test
    void previewsAnRrule() throws Exception {
        preview("""
                {"rrule": "RRULE:FREQ=WEEKLY;BYDAY=TH,MO;INTERVAL=2", "start": "2026-03-02T08:00:00Z",
                 "timeZone": "Europe/Berlin", "count": 5}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rrule").value("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH"))
                .andExpect(jsonPath("$.dates", contains("2026-03-02T08:00:00Z", "2026-03-05T08:00:00Z",
                        "2026-03-16T08:00:00Z", "2026-03-19T08:00:00Z", "2026-03-30T07:00:00Z")));
    }

    @Test
    void previewsAFormWithTheDefaultCount() throws Exception {
        preview("""
                {"form": {"frequency": "monthly", "weekdayOrdinal": {"ordinal": -1, "weekday": "FR"}},
                 "start": "2026-01-30T15:00:00Z", "timeZone": "Europe/Berlin"}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rrule").value("FREQ=MONTHLY;BYDAY=-1FR"))
                .andExpect(jsonPath("$.dates", hasSize(5)))
                .andExpect(jsonPath("$.dates[1]").value("2026-02-27T15:00:00Z"));
    }

    @Test
    void stopsAtTheRulesCount() throws Exception {
        preview("""
                {"rrule": "FREQ=DAILY;COUNT=2", "start": "2026-03-02T08:00:00Z", "timeZone": "UTC", "count": 50}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dates", hasSize(2)));
    }

    @Test
    void rejectsAnInvalidRuleWithAProblem() throws Exception {
        preview("""
                {"rrule": "FREQ=HOURLY", "start": "2026-03-02T08:00:00Z", "timeZone": "UTC"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Invalid recurrence"))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.detail")
                        .value("FREQ=HOURLY is not supported; use DAILY, WEEKLY, MONTHLY or YEARLY"));
    }

    @Test
    void rejectsBadRequestsWithPreciseDetails() throws Exception {
        expectProblem("""
                {"rrule": "FREQ=DAILY", "start": "2026-03-02T08:00:00Z", "timeZone": "Mars/Olympus"}""",
                "timeZone 'Mars/Olympus' is not a known IANA time zone");
        expectProblem("""
                {"rrule": "FREQ=DAILY", "start": "2026-03-02T08:00:00Z"}""",
                "timeZone is required (an IANA zone id such as Europe/Berlin)");
        expectProblem("""
                {"rrule": "FREQ=DAILY", "timeZone": "UTC"}""",
                "start is required (an ISO-8601 instant such as 2026-03-02T08:00:00Z)");
        expectProblem("""
                {"start": "2026-03-02T08:00:00Z", "timeZone": "UTC"}""", "rrule or form is required");
        expectProblem("""
                {"rrule": "FREQ=DAILY", "form": {"frequency": "daily"}, "start": "2026-03-02T08:00:00Z",
                 "timeZone": "UTC"}""", "give either rrule or form, not both");
        expectProblem("""
                {"rrule": "FREQ=DAILY", "start": "2026-03-02T08:00:00Z", "timeZone": "UTC", "count": 51}""",
                "count must be 1..50, not 51");
        expectProblem("""
                {"rrule": "FREQ=DAILY", "start": "2026-03-02T08:00:00Z", "timeZone": "UTC", "count": 0}""",
                "count must be 1..50, not 0");
        expectProblem("""
                {"form": {"frequency": "weekly", "weekdays": ["XX"]}, "start": "2026-03-02T08:00:00Z",
                 "timeZone": "UTC"}""", "weekdays: 'XX' is not a weekday (MO, TU, WE, TH, FR, SA or SU)");
    }

    void expectProblem(String body, String detail) throws Exception {
        preview(body)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Invalid recurrence"))
                .andExpect(jsonPath("$.detail").value(detail));
    }
}
