package io.tasklog.app;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.tasklog.app.support.ApiClient;
import io.tasklog.app.support.AppInstance;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A reminder scheduled before the application stops, due while it is down, fires once and promptly when
 * it starts again: deadlines live in PostgreSQL, not in memory. Runs a system of its own (database and
 * topics) so that no other running instance can fire the deadline in the meantime.
 */
class DeadlineRestartIT {

    @Test
    void aDeadlineDueWhileTheApplicationWasDownFiresOnceAfterTheRestart() throws InterruptedException {
        ConfigurableApplicationContext first = AppInstance.start("restart_test", "restart");
        ApiClient api = AppInstance.client(first);
        String token = api.newUser();
        Instant due = Instant.now().plusSeconds(4);
        String taskId = api.createTask(token, "{\"title\":\"While down\",\"dueAt\":\"" + due + "\",\"remindBeforeMinutes\":0}");
        first.close();

        Thread.sleep(Math.max(0, Duration.between(Instant.now(), due.plusSeconds(2)).toMillis()));
        Instant restarted = Instant.now();
        ConfigurableApplicationContext second = AppInstance.start("restart_test", "restart");
        try {
            JdbcClient jdbc = second.getBean(JdbcClient.class);
            Instant firedAt = await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                            "select time_stamp from domain_event_entry where aggregate_identifier = :id "
                                    + "and payload_type like '%TaskBecameOverdueEvent'")
                    .param("id", taskId).query(String.class).list(), list -> !list.isEmpty())
                    .stream().map(Instant::parse).findFirst().orElseThrow();
            assertThat(Duration.between(restarted, firedAt)).as("fired promptly after start").isLessThan(Duration.ofSeconds(15));
            ApiClient api2 = AppInstance.client(second);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                    api2.get("/api/notifications", token).json().get("items")).hasSize(1));
            // every deadline that was due has run (db-scheduler deletes a one-time task once it has executed),
            // so a second firing would already be stored
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.sql(
                    "select count(*) from scheduled_tasks where execution_time <= now()").query(Long.class).single())
                    .isZero());
            assertThat(jdbc.sql("select count(*) from domain_event_entry where aggregate_identifier = :id "
                    + "and payload_type like '%TaskBecameOverdueEvent'").param("id", taskId).query(Long.class).single())
                    .isEqualTo(1);
        } finally {
            second.close();
        }
    }
}
