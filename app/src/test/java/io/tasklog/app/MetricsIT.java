package io.tasklog.app;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.tasklog.app.support.IntegrationTest;
import io.tasklog.app.support.PrometheusScrape;
import io.tasklog.app.support.SseClient;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /actuator/prometheus} carries the metric families operators rely on, with values that add up. */
class MetricsIT extends IntegrationTest {

    private static final String STREAMS = "tasklog_sse_streams_open";
    private static final String LATENESS = "tasklog_reminder_lateness_seconds";
    private static final String COMMANDS = "commandBus_allTimer_seconds_count";
    private static final String HTTP = "http_server_requests_seconds_count";
    /** Streams closed by earlier tests are noticed at their next heartbeat at the latest. */
    private static final Duration STREAM_GONE = Duration.ofSeconds(30);

    @BeforeEach
    void streamListenerAssigned() {
        awaitStreamListener();
    }

    @Test
    void aCreateAnOpenStreamAndAFiredReminderShowInTheScrape() throws Exception {
        String token = api.newUser();
        await().atMost(STREAM_GONE).untilAsserted(() -> assertThat(scrape().value(STREAMS)).as("open streams before").isZero());
        PrometheusScrape before = scrape();

        try (SseClient stream = new SseClient(api.baseUrl(), token, null).awaitConnected()) {
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(scrape().value(STREAMS)).isEqualTo(1));
            // the one-minute lead has begun: the upcoming reminder is due at once, the overdue one in 2 s
            api.createTask(token, "{\"title\":\"Measured\",\"dueAt\":\"" + Instant.now().plusSeconds(2)
                    + "\",\"remindBeforeMinutes\":1}");
            stream.await(e -> "notification.created".equals(e.name())
                    && "overdue".equals(e.json().path("notification").path("type").asText()), Duration.ofSeconds(20));
            assertThat(scrape().value(STREAMS)).as("open streams while open").isEqualTo(1);
        }
        PrometheusScrape after = scrape();

        assertThat(increase(before, after, COMMANDS, "payloadType", "CreateTaskCommand")).isGreaterThanOrEqualTo(1);
        assertThat(after.value("commandBus_allTimer_seconds_sum", "payloadType", "CreateTaskCommand")).isPositive();
        assertThat(increase(before, after, HTTP, "method", "POST", "uri", "/api/tasks", "status", "201")).isEqualTo(1);
        for (String processor : new String[] {"task-view", "notifications", "__axon-kafka-event-publishing-group"}) {
            assertThat(after.has("eventProcessor_latency", "processorName", processor)).as(processor).isTrue();
            // created, reminded, overdue (task-view may still be on its way to the last)
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(increase(before, scrape(),
                    "eventProcessor_ingestedCounter_total", "processorName", processor))
                    .as("events that reached " + processor).isGreaterThanOrEqualTo(3));
        }
        for (String kind : new String[] {"upcoming", "overdue"}) {
            double fired = increase(before, after, LATENESS + "_count", "kind", kind);
            double lateness = increase(before, after, LATENESS + "_sum", "kind", kind) / fired;
            assertThat(fired).as(kind + " reminders").isGreaterThanOrEqualTo(1);
            // against the moment the deadline was due: not against due date − lead (58 s ago for "upcoming")
            assertThat(lateness).as(kind + " lateness, s").isBetween(0.0, 5.0);
        }
        assertThat(after.has(LATENESS + "_bucket", "kind", "snoozed", "le", "+Inf")).isTrue();
        await().atMost(STREAM_GONE).untilAsserted(() -> assertThat(scrape().value(STREAMS)).as("open streams after").isZero());
    }

    private PrometheusScrape scrape() {
        return PrometheusScrape.of(api);
    }

    private static double increase(PrometheusScrape before, PrometheusScrape after, String name, String... labels) {
        return after.value(name, labels) - before.value(name, labels);
    }
}
