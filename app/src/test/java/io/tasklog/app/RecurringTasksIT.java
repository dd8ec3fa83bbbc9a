package io.tasklog.app;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tasklog.app.support.ApiClient.Response;
import io.tasklog.app.support.IntegrationTest;
import io.tasklog.app.support.StoreProbe;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Recurring tasks end to end: rule validation, the saga creating exactly one next occurrence (also for a
 * recurrence given by an edit), the links.
 */
class RecurringTasksIT extends IntegrationTest {

    private static final Duration SOON = Duration.ofSeconds(30);
    private static final String SAGA = "RecurrenceSagaProcessor";

    private StoreProbe store;

    @BeforeEach
    void probe() {
        store = new StoreProbe(jdbc);
    }

    @Test
    void completingARecurringTaskCreatesExactlyOneNextOccurrenceLinkedBothWays() {
        String token = api.newUser();
        Response created = api.post("/api/tasks", token, "{\"title\":\"Gym\",\"dueAt\":\"2031-01-06T07:30:00Z\","
                + "\"timeZone\":\"Europe/Berlin\",\"recurrence\":{\"form\":{\"frequency\":\"weekly\",\"weekdays\":[\"MO\",\"TH\"]},"
                + "\"anchor\":\"due\"}}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String first = created.json().get("id").asText();
        assertThat(created.json().get("recurrence").get("rrule").asText()).isEqualTo("FREQ=WEEKLY;BYDAY=MO,TH");

        assertThat(api.post("/api/tasks/" + first + "/complete", token, null).status()).isEqualTo(200);
        JsonNode next = await().atMost(SOON).until(() -> openTasks(token), list -> onlyOtherThan(list, first)).get(0);
        assertThat(next.get("title").asText()).isEqualTo("Gym");
        // Monday 08:30 Berlin -> Thursday 08:30 Berlin
        assertThat(next.get("dueAt").asText()).isEqualTo("2031-01-09T07:30:00Z");
        assertThat(next.get("previousOccurrenceId").asText()).isEqualTo(first);
        assertThat(next.get("seriesId").asText()).isEqualTo(first);

        // completing the old one again (reopen + complete) does not create a second next occurrence
        api.post("/api/tasks/" + first + "/reopen", token, null);
        api.post("/api/tasks/" + first + "/complete", token, null);
        store.awaitProcessed(SAGA, first, SOON);
        assertThat(store.occurrencesCreatedIn(first)).isEqualTo(1);

        String nextId = next.get("id").asText();
        List<String> firstHistory = api.get("/api/tasks/" + first + "/history", token).json().findValuesAsText("type");
        assertThat(firstHistory).contains("nextOccurrenceCreated");
        JsonNode nextCreated = api.get("/api/tasks/" + nextId + "/history", token).json().get("items").get(0);
        assertThat(nextCreated.get("changes").get("previousOccurrenceId").get("to").asText()).isEqualTo(first);
    }

    @Test
    void completingTheLastOccurrenceOfASeriesCreatesNothing() {
        String token = api.newUser();
        String first = api.createTask(token, "{\"title\":\"Twice\",\"dueAt\":\"2031-02-01T09:00:00Z\","
                + "\"recurrence\":{\"rrule\":\"FREQ=DAILY;COUNT=2\"}}");
        api.post("/api/tasks/" + first + "/complete", token, null);
        String second = await().atMost(SOON).until(() -> openTasks(token), list -> onlyOtherThan(list, first)).get(0).get("id").asText();
        api.post("/api/tasks/" + second + "/complete", token, null);
        await().atMost(SOON).untilAsserted(() -> assertThat(api.get("/api/tasks?status=completed", token).json().get("items")).hasSize(2));
        store.awaitProcessed(SAGA, second, SOON);
        assertThat(store.occurrencesCreatedIn(first)).isEqualTo(1);
        assertThat(openTasks(token)).isEmpty();
    }

    @Test
    void aRecurrenceAddedByAnEditRecursAndSoDoesOneRemovedAndAddedAgain() {
        String token = api.newUser();
        String task = api.createTask(token, "{\"title\":\"Plain at first\",\"dueAt\":\"2031-03-03T09:00:00Z\"}");
        assertThat(store.eventTypes(task)).as("a plain task starts no series").containsExactly("TaskCreatedEvent");

        patch(token, task, "{\"recurrence\":{\"rrule\":\"FREQ=DAILY\",\"anchor\":\"due\"}}");
        patch(token, task, "{\"recurrence\":null}");
        patch(token, task, "{\"recurrence\":{\"rrule\":\"FREQ=WEEKLY\",\"anchor\":\"due\"}}");
        assertThat(api.post("/api/tasks/" + task + "/complete", token, null).status()).isEqualTo(200);

        JsonNode next = await().atMost(SOON).until(() -> openTasks(token), list -> onlyOtherThan(list, task)).get(0);
        assertThat(next.get("dueAt").asText()).as("weekly, the rule added last").isEqualTo("2031-03-10T09:00:00Z");
        assertThat(next.get("seriesId").asText()).isEqualTo(task);
        assertThat(next.get("recurrence").get("rrule").asText()).isEqualTo("FREQ=WEEKLY");
        store.awaitProcessed(SAGA, task, SOON);
        assertThat(store.occurrencesCreatedIn(task)).as("one series, not one per time it became recurring").isEqualTo(1);
    }

    private void patch(String token, String task, String body) {
        Response patched = api.patch("/api/tasks/" + task, token, body);
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
    }

    @Test
    void invalidRulesAreRejectedWithAReason() {
        String token = api.newUser();
        long before = storedEventsOf(token);
        Response hourly = api.post("/api/tasks", token, "{\"title\":\"x\",\"dueAt\":\"2031-01-01T00:00:00Z\","
                + "\"recurrence\":{\"rrule\":\"FREQ=HOURLY\"}}");
        assertThat(hourly.status()).isEqualTo(400);
        assertThat(hourly.json().get("detail").asText()).contains("HOURLY");
        Response badForm = api.post("/api/tasks", token, "{\"title\":\"x\",\"dueAt\":\"2031-01-01T00:00:00Z\","
                + "\"recurrence\":{\"form\":{\"frequency\":\"fortnightly\"}}}");
        assertThat(badForm.status()).isEqualTo(400);
        assertThat(storedEventsOf(token)).isEqualTo(before);

        Response preview = api.post("/api/recurrence/preview", token,
                "{\"rrule\":\"FREQ=MONTHLY;BYDAY=-1FR\",\"start\":\"2031-01-31T09:00:00Z\",\"timeZone\":\"UTC\",\"count\":3}");
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        assertThat(preview.json().get("dates").get(1).asText()).isEqualTo("2031-02-28T09:00:00Z");
        assertThat(api.post("/api/recurrence/preview", token, "{\"rrule\":\"FREQ=SECONDLY\",\"start\":\"2031-01-31T09:00:00Z\","
                + "\"timeZone\":\"UTC\"}").status()).isEqualTo(400);
    }

    /** The view has caught up with the completion: the only open task is a new one. */
    private static boolean onlyOtherThan(List<JsonNode> open, String taskId) {
        return open.size() == 1 && !open.get(0).get("id").asText().equals(taskId);
    }

    private List<JsonNode> openTasks(String token) {
        List<JsonNode> tasks = new ArrayList<>();
        api.get("/api/tasks?status=open", token).json().get("items").forEach(tasks::add);
        return tasks;
    }
}
