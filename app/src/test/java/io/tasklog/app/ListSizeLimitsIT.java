package io.tasklog.app;

import static io.tasklog.app.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.tasklog.app.support.ApiClient.Response;
import io.tasklog.app.support.IntegrationTest;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Lists in request bodies have sizes (tags <= 50 per request, weekdays <= 7), checked before their elements:
 * one over is a 400 problem naming the field, on create, replace, patch and preview alike, and changes nothing.
 * The task's own rule (at most 20 distinct tags after normalising) still applies within them.
 */
class ListSizeLimitsIT extends IntegrationTest {

    @Test
    void oneTagOrWeekdayOverTheLimitIsA400AndChangesNothing() {
        String token = api.newUser();
        String id = api.createTask(token, "{\"title\":\"target\",\"dueAt\":\"2031-01-06T09:00:00Z\"}");
        String marker = "too-many-" + UUID.randomUUID();
        String tags51 = tags(51, i -> "t" + (i % 3));
        String weekdays8 = json(Collections.nCopies(8, "MO"));
        String eightDays = "{\"form\":{\"frequency\":\"weekly\",\"weekdays\":" + weekdays8 + "}}";
        long eventsBefore = storedEventsOfTask(id);

        record Case(String method, String path, String body, String field) {
        }
        List<Case> cases = List.of(
                new Case("POST", "/api/tasks", "{\"title\":\"" + marker + "\",\"tags\":" + tags51 + "}", "tags"),
                new Case("PUT", "/api/tasks/" + id, "{\"title\":\"" + marker + "\",\"tags\":" + tags51 + "}", "tags"),
                new Case("PATCH", "/api/tasks/" + id, "{\"tags\":" + tags51 + "}", "tags"),
                new Case("POST", "/api/tasks", "{\"title\":\"" + marker + "\",\"dueAt\":\"2031-01-06T09:00:00Z\","
                        + "\"recurrence\":" + eightDays + "}", "recurrence.form.weekdays"),
                new Case("PATCH", "/api/tasks/" + id, "{\"recurrence\":" + eightDays + "}", "recurrence.form.weekdays"),
                new Case("POST", "/api/recurrence/preview", "{\"form\":{\"frequency\":\"weekly\",\"weekdays\":" + weekdays8
                        + "},\"start\":\"2031-01-06T09:00:00Z\",\"timeZone\":\"UTC\"}", "form.weekdays"));

        for (Case c : cases) {
            Response r = api.send(c.method(), c.path(), token, c.body(), java.util.Map.of());
            assertProblem(c.toString(), r, 400);
            assertThat(r.json().get("field").asText()).as(c.toString()).isEqualTo(c.field());
            assertThat(r.json().get("detail").asText()).as(c.toString()).containsPattern("at most (50 tags|7 weekdays)");
        }
        assertThat(storedEventsOfTask(id)).isEqualTo(eventsBefore);
        assertThat(storedEventsMentioning(marker)).isZero();
    }

    @Test
    void fiftyTagsAreReadAndFoldedIntoTheTasksTwentyAtMost() {
        String token = api.newUser();
        // 50 tags in the request, 20 distinct once trimmed and lower-cased
        String tags = tags(50, i -> (i % 2 == 0 ? " Tag" : "tag ") + (i % 20));

        Response created = api.post("/api/tasks", token, "{\"title\":\"fifty\",\"tags\":" + tags + "}");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("tags")).hasSize(20);
        Response weekly = api.post("/api/recurrence/preview", token, "{\"form\":{\"frequency\":\"weekly\",\"weekdays\":"
                + json(List.of("MO", "TU", "WE", "TH", "FR", "SA", "SU")) + "},\"start\":\"2031-01-06T09:00:00Z\","
                + "\"timeZone\":\"UTC\",\"count\":7}");
        assertThat(weekly.status()).as(weekly.body()).isEqualTo(200);
        assertThat(weekly.json().get("dates")).hasSize(7);
    }

    static String tags(int count, java.util.function.IntFunction<String> tag) {
        return json(IntStream.range(0, count).mapToObj(tag).toList());
    }

    private static String json(List<String> values) {
        return values.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(",", "[", "]"));
    }
}
