package io.tasklog.app;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.tasklog.projections.recentevents.McpContextProjection;
import io.tasklog.projections.recentevents.RecentEventsRetention;
import io.tasklog.app.support.IntegrationTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The {@code mcp-context} read model behind {@code tasklog://events/recent} (the MCP client's view of it is in
 * McpClientIT): one row per stored event however often the topic delivers it, nothing older than the window, and
 * the same rows again after an operator's rebuild from the event store.
 */
class RecentTaskEventsIT extends IntegrationTest {

    private static final Duration CONVERGE = Duration.ofSeconds(30);

    @Autowired
    private EventProcessingConfiguration processing;

    @Autowired
    private RecentEventsRetention retention;

    @Test
    void aRedeliveryOfTheWholeTopicAddsNoRow() {
        String token = api.newUser();
        String id = api.createTask(token, "{\"title\":\"Recent\"}");
        api.patch("/api/tasks/" + id, token, "{\"title\":\"Recent, renamed\"}");
        await().atMost(CONVERGE).untilAsserted(() -> assertThat(eventIdsOf(token)).hasSize(2));
        List<String> before = eventIdsOf(token);

        TrackingEventProcessor projection = processing
                .eventProcessor(McpContextProjection.PROCESSING_GROUP, TrackingEventProcessor.class).orElseThrow();
        projection.shutDown();
        projection.resetTokens();
        projection.start();
        await().atMost(CONVERGE).untilAsserted(() -> assertThat(projection.processingStatus().values()).allMatch(s -> !s.isReplaying()));

        assertThat(eventIdsOf(token)).isEqualTo(before);
        assertThat(storedEventIdsOf(id)).containsExactlyInAnyOrderElementsOf(before);
    }

    @Test
    void eventsOlderThanTheWindowArePrunedAndNeverShown() {
        String token = api.newUser();
        String id = api.createTask(token, "{\"title\":\"Fresh\"}");
        await().atMost(CONVERGE).untilAsserted(() -> assertThat(eventIdsOf(token)).hasSize(1));
        jdbc.sql("""
                        insert into recent_task_event (event_id, user_id, task_id, sequence, type, title, at, changes)
                        values ('old-' || :task, :user, :task, 7, 'io.tasklog.task.updated.v1', 'Old', :at, '{}')""")
                .param("task", id).param("user", userIdOf(token))
                .param("at", Timestamp.from(Instant.now().minus(Duration.ofMinutes(61)))).update();

        assertThat(api.get("/api/tasks", token).status()).isEqualTo(200);
        assertThat(retention.prune()).isGreaterThanOrEqualTo(1);
        assertThat(eventIdsOf(token)).hasSize(1).noneMatch(eventId -> eventId.startsWith("old-"));
    }

    @Test
    void anOperatorsRebuildGivesTheSameRows() {
        String admin = api.admin();
        String token = api.newUser();
        String id = api.createTask(token, "{\"title\":\"Rebuilt\"}");
        api.post("/api/tasks/" + id + "/complete", token, null);
        await().atMost(CONVERGE).untilAsserted(() -> assertThat(eventIdsOf(token)).hasSize(2));
        List<String> before = eventIdsOf(token);
        jdbc.sql("delete from recent_task_event where user_id = ?").param(userIdOf(token)).update();

        assertThat(api.post("/api/admin/processors/mcp-context/replay", admin, "{\"from\":\"start\"}").status())
                .isEqualTo(202);
        await().atMost(CONVERGE).untilAsserted(() -> assertThat(api.get("/api/admin/processors/mcp-context", admin).json()
                .at("/replay/state").asText()).isEqualTo("completed"));

        assertThat(eventIdsOf(token)).isEqualTo(before);
    }

    private List<String> eventIdsOf(String token) {
        return jdbc.sql("select event_id from recent_task_event where user_id = ? order by at desc, sequence desc")
                .param(userIdOf(token)).query(String.class).list();
    }

    private List<String> storedEventIdsOf(String taskId) {
        return jdbc.sql("select event_identifier from domain_event_entry where aggregate_identifier = ?")
                .param(taskId).query(String.class).list();
    }
}
