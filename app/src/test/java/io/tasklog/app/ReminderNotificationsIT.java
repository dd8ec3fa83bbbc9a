package io.tasklog.app;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tasklog.app.support.ApiClient.Response;
import io.tasklog.app.support.IntegrationTest;
import io.tasklog.app.support.SseClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Due-date reminders on real persistent deadlines, and the notification API and stream. */
class ReminderNotificationsIT extends IntegrationTest {

    private static final Duration SOON = Duration.ofSeconds(20);

    @BeforeEach
    void streamListenerAssigned() {
        awaitStreamListener();
    }

    @Test
    void aTaskDueInThreeSecondsYieldsAnUpcomingAndAnOverdueNotificationOnTime() throws Exception {
        String token = api.newUser();
        String stranger = api.newUser();
        try (SseClient stream = new SseClient(api.baseUrl(), token, null).awaitConnected();
             SseClient strangersStream = new SseClient(api.baseUrl(), stranger, null).awaitConnected()) {
            Instant created = Instant.now();
            Instant due = created.plusSeconds(3);
            String id = api.createTask(token, "{\"title\":\"Call the bank\",\"dueAt\":\"" + due + "\",\"remindBeforeMinutes\":1}");

            SseClient.Event upcoming = stream.await(e -> "notification.created".equals(e.name())
                    && "upcoming".equals(e.json().path("notification").path("type").asText()), SOON);
            SseClient.Event overdue = stream.await(e -> "notification.created".equals(e.name())
                    && "overdue".equals(e.json().path("notification").path("type").asText()), SOON);

            // the lead window (1 min) had already started: the upcoming reminder fires at once
            Instant upcomingAt = Instant.parse(upcoming.json().get("notification").get("createdAt").asText());
            assertThat(Duration.between(created, upcomingAt)).isLessThan(Duration.ofSeconds(1));
            Instant overdueAt = Instant.parse(overdue.json().get("notification").get("createdAt").asText());
            assertThat(overdueAt).isAfterOrEqualTo(due);
            assertThat(Duration.between(due, overdueAt)).isLessThan(Duration.ofSeconds(1));
            assertThat(overdue.json().get("notification").get("taskId").asText()).isEqualTo(id);
            assertThat(overdue.json().get("notification").get("title").asText()).isEqualTo("Call the bank");
            assertThat(overdue.json().get("unreadCount").asLong()).isEqualTo(2);

            List<String> types = api.get("/api/tasks/" + id + "/history", token).json().findValuesAsText("type");
            assertThat(types).containsExactly("created", "reminderDue", "becameOverdue");
            assertThat(strangersStream.events()).as("another user's stream").isEmpty();
        }
    }

    @Test
    void aReminderLeadSetToZeroByAnEditNeverReminds() {
        String token = api.newUser();
        // the upcoming reminder (1 minute before) is due in 3 s; the edit removes it before it fires
        Instant due = Instant.now().plusSeconds(63);
        String id = api.createTask(token, "{\"title\":\"Call the plumber\",\"dueAt\":\"" + due + "\",\"remindBeforeMinutes\":1}");
        Response edited = api.patch("/api/tasks/" + id, token, "{\"remindBeforeMinutes\":0}");
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);

        // positive signal: the old deadline has come and gone (db-scheduler removes a one-time task once run),
        // and a reminder would have been stored by that very run
        await().atMost(SOON).untilAsserted(() -> assertThat(deadlinesBefore(id, due)).as("deadlines of the task before its due date").isZero());
        assertThat(api.get("/api/tasks/" + id + "/history", token).json().findValuesAsText("type"))
                .containsExactly("created", "updated");
        assertThat(api.get("/api/notifications", token).json().get("items")).isEmpty();
    }

    /** Scheduled deadlines of the task (its id is in the serialised scope) that come due before {@code instant}. */
    private long deadlinesBefore(String taskId, Instant instant) {
        return jdbc.sql("select count(*) from scheduled_tasks where position(convert_to(?, 'UTF8') in task_data) > 0"
                        + " and execution_time < ?")
                .param(taskId).param(java.sql.Timestamp.from(instant)).query(Long.class).single();
    }

    @Test
    void notificationsCanBeListedPagedAndMarkedReadByTheirOwnerOnly() {
        String alice = api.newUser();
        String mallory = api.newUser();
        Instant due = Instant.now().plusSeconds(2);
        for (int i = 0; i < 3; i++) {
            api.createTask(alice, "{\"title\":\"Bill " + i + "\",\"dueAt\":\"" + due + "\",\"remindBeforeMinutes\":0}");
        }
        await().atMost(SOON).untilAsserted(() -> assertThat(api.get("/api/notifications/unread-count", alice).json().get("count").asLong())
                .isEqualTo(3));

        Response first = api.get("/api/notifications?limit=2", alice);
        assertThat(first.json().get("items")).hasSize(2);
        Response second = api.get("/api/notifications?limit=2&cursor=" + first.json().get("nextCursor").asText(), alice);
        assertThat(second.json().get("items")).hasSize(1);
        assertThat(second.json().get("nextCursor").isNull()).isTrue();
        JsonNode one = first.json().get("items").get(0);
        String id = one.get("id").asText();
        assertThat(one.get("type").asText()).isEqualTo("overdue");
        assertThat(one.get("readAt").isNull()).isTrue();

        // another user can neither see nor touch it
        assertThat(api.get("/api/notifications", mallory).json().get("items")).isEmpty();
        assertThat(api.get("/api/notifications/unread-count", mallory).json().get("count").asLong()).isZero();
        assertThat(api.patch("/api/notifications/" + id + "/read", mallory, null).status()).isEqualTo(404);
        assertThat(api.post("/api/notifications/" + id + "/snooze", mallory, "{\"minutes\":5}").status()).isEqualTo(404);
        assertThat(api.post("/api/notifications/read-all", mallory, null).json().get("marked").asInt()).isZero();
        assertThat(api.get("/api/notifications/unread-count", alice).json().get("count").asLong()).isEqualTo(3);

        Response read = api.patch("/api/notifications/" + id + "/read", alice, null);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("readAt").isNull()).isFalse();
        assertThat(api.get("/api/notifications?unreadOnly=true", alice).json().get("items")).hasSize(2);
        assertThat(api.post("/api/notifications/read-all", alice, null).json().get("unreadCount").asLong()).isZero();
    }

    @Test
    void snoozingSchedulesTheReminderAgainAndMarksTheNotificationRead() {
        String token = api.newUser();
        Instant due = Instant.now().plusSeconds(2);
        String taskId = api.createTask(token, "{\"title\":\"Water plants\",\"dueAt\":\"" + due + "\",\"remindBeforeMinutes\":0}");
        String id = await().atMost(SOON).until(() -> api.get("/api/notifications", token).json().get("items"), items -> items.size() == 1)
                .get(0).get("id").asText();

        Response snoozed = api.post("/api/notifications/" + id + "/snooze", token, "{\"minutes\":15}");
        assertThat(snoozed.status()).as(snoozed.body()).isEqualTo(200);
        assertThat(snoozed.json().get("taskId").asText()).isEqualTo(taskId);
        assertThat(jdbc.sql("select count(*) from scheduled_tasks where task_data is not null and execution_time > now() + interval '14 minutes'")
                .query(Long.class).single()).isPositive();
        await().atMost(SOON).untilAsserted(() -> assertThat(api.get("/api/notifications/unread-count", token).json().get("count").asLong()).isZero());
        assertThat(api.post("/api/notifications/" + id + "/snooze", token, "{\"minutes\":0}").status()).isEqualTo(400);
        assertThat(api.post("/api/notifications/" + id + "/snooze", token, "{}").status()).isEqualTo(400);
    }
}
