package io.tasklog.app;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tasklog.app.support.ApiClient.Response;
import io.tasklog.app.support.IntegrationTest;
import io.tasklog.app.support.SseClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Projection rebuilds end to end, driven by the real {@code tasklog-admin} jar as an operator runs it: the
 * rebuilt view equals a fresh fold of the event store (damage repaired), the read side answered all along,
 * the live stream stayed silent, and an interrupted rebuild resumes.
 */
class ProjectionRebuildIT extends IntegrationTest {

    private static final Duration SOON = Duration.ofSeconds(60);
    private static final Path CLI = Path.of("../admin-cli/target/tasklog-admin.jar");

    private String admin;

    @BeforeEach
    void setUp() {
        awaitStreamListener();
        admin = api.admin();
    }

    @Test
    void theToolRebuildsTheTaskViewFromTheStoreRepairingItWithoutAWordOnTheStream() throws Exception {
        String alice = api.newUser();
        List<String> tasks = seed(alice);
        String deleted = tasks.remove(tasks.size() - 1);
        awaitViewEqualsFold(alice, tasks);
        damage(tasks.get(0));
        assertThat(api.get("/api/tasks/" + tasks.get(0), alice).json().get("title").asText()).isEqualTo("damaged");

        try (SseClient stream = new SseClient(api.baseUrl(), alice, null).awaitConnected()) {
            Cli run = cli("replay", "task-view", "--from", "start");
            assertThat(run.exitCode()).as(run.output()).isZero();
            assertThat(run.output()).contains("completed");
            assertThat(api.get("/api/admin/processors/task-view", admin).json().at("/replay/state").asText())
                    .isEqualTo("completed");

            for (String id : tasks) {
                assertThat(view(alice, id)).isEqualTo(fold(alice, id));
            }
            assertThat(api.get("/api/tasks/" + deleted, alice).status()).isEqualTo(404);
            assertThat(indexNames("task_view")).contains("task_view_pkey", "task_view_by_due", "task_view_text")
                    .noneMatch(name -> name.contains("rebuild") || name.endsWith("_rb"));

            // positive signal: a change made after the rebuild arrives; nothing of the rebuild came before it
            String marker = api.createTask(alice, "{\"title\":\"After the rebuild\"}");
            stream.await(e -> marker.equals(e.json().path("taskId").asText()), SOON);
            assertThat(stream.events()).extracting(e -> e.json().path("taskId").asText()).containsExactly(marker);
        }
    }

    @Test
    void aRebuildFromAnInstantReFoldsOnlyTheTasksChangedSince() {
        String alice = api.newUser();
        String untouched = api.createTask(alice, "{\"title\":\"Untouched\"}");
        String edited = api.createTask(alice, "{\"title\":\"Edited\"}");
        awaitViewEqualsFold(alice, List.of(untouched, edited));
        damage(untouched);
        damage(edited);
        Instant since = Instant.now();
        assertThat(api.patch("/api/tasks/" + edited, alice, "{\"priority\":\"low\"}").status()).isEqualTo(200);
        await().atMost(SOON).untilAsserted(() -> assertThat(view(alice, edited).get("priority").asText()).isEqualTo("low"));

        Response started = api.post("/api/admin/processors/task-view/replay", admin, "{\"from\":\"" + since + "\"}");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        awaitReplay("task-view", "completed");

        assertThat(view(alice, edited)).isEqualTo(fold(alice, edited));
        assertThat(view(alice, untouched).get("title").asText()).as("not changed since: kept as it was").isEqualTo("damaged");

        // a dry run reads the whole store and changes nothing
        assertThat(api.post("/api/admin/processors/task-view/replay", admin, "{\"dryRun\":true}").status()).isEqualTo(202);
        awaitReplay("task-view", "completed");
        JsonNode dryRun = api.get("/api/admin/processors/task-view", admin).json().get("replay");
        assertThat(dryRun.get("dryRun").asBoolean()).isTrue();
        assertThat(dryRun.get("position").asLong()).isEqualTo(dryRun.get("total").asLong()).isPositive();
        assertThat(view(alice, untouched).get("title").asText()).isEqualTo("damaged");
    }

    @Test
    void aRebuildWhoseInstanceDiedIsShownInterruptedAndResumes() throws Exception {
        String alice = api.newUser();
        List<String> tasks = seed(alice);
        tasks.remove(tasks.size() - 1);
        awaitViewEqualsFold(alice, tasks);
        damage(tasks.get(1));
        // what a rebuild leaves behind when its instance dies half-way: its shadow table and a silent heartbeat
        jdbc.sql("drop table if exists task_view_rebuild").update();
        jdbc.sql("create table task_view_rebuild (like task_view including all)").update();
        jdbc.sql("delete from projection_rebuild where processing_group = 'task-view'").update();
        jdbc.sql("""
                insert into projection_rebuild (processing_group, state, from_spec, last_index, head_index, folded,
                                                total, started_at, heartbeat_at)
                select 'task-view', 'running', 'start', -1, max(global_index), 0, count(*),
                       now() - interval '5 minutes', now() - interval '2 minutes' from domain_event_entry""").update();

        assertThat(api.get("/api/admin/processors/task-view", admin).json().at("/replay/state").asText())
                .isEqualTo("interrupted");
        assertThat(api.delete("/api/admin/processors/task-view/replay", admin).status()).as("nothing runs").isEqualTo(409);

        Cli resumed = cli("replay", "task-view", "--resume");
        assertThat(resumed.exitCode()).as(resumed.output()).isZero();
        for (String id : tasks) {
            assertThat(view(alice, id)).isEqualTo(fold(alice, id));
        }
    }

    @Test
    void notificationsAreRebuiltWithTheirIdsAndReadMarks() {
        String alice = api.newUser();
        api.createTask(alice, "{\"title\":\"Pay\",\"dueAt\":\"" + Instant.now().plusSeconds(1) + "\",\"remindBeforeMinutes\":0}");
        JsonNode before = await().atMost(SOON).until(() -> api.get("/api/notifications", alice).json().get("items"), items -> items.size() == 1);
        String id = before.get(0).get("id").asText();
        assertThat(api.patch("/api/notifications/" + id + "/read", alice, null).status()).isEqualTo(200);
        JsonNode read = api.get("/api/notifications", alice).json().get("items");

        assertThat(api.post("/api/admin/processors/notifications/replay", admin, "{\"from\":\"start\"}").status()).isEqualTo(202);
        awaitReplay("notifications", "completed");

        assertThat(api.get("/api/notifications", alice).json().get("items")).isEqualTo(read);
        assertThat(api.post("/api/admin/processors/RecurrenceSagaProcessor/replay", admin, "{}").status()).isEqualTo(400);
        assertThat(api.post("/api/admin/processors/task-view/replay", admin, "{\"from\":\"yesterday\"}").status()).isEqualTo(400);
    }

    /** Tasks with a few events each: created, edited, one completed, the last one deleted. */
    private List<String> seed(String token) {
        List<String> tasks = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String id = api.createTask(token, "{\"title\":\"Task " + i + "\",\"tags\":[\"t" + i + "\"]}");
            assertThat(api.patch("/api/tasks/" + id, token, "{\"description\":\"edited " + i + "\"}").status()).isEqualTo(200);
            tasks.add(id);
        }
        assertThat(api.post("/api/tasks/" + tasks.get(2) + "/complete", token, null).status()).isEqualTo(200);
        assertThat(api.delete("/api/tasks/" + tasks.get(7), token).status()).isIn(200, 204);
        return tasks;
    }

    private void awaitViewEqualsFold(String token, List<String> tasks) {
        await().atMost(SOON).untilAsserted(() -> tasks.forEach(id -> assertThat(view(token, id)).isEqualTo(fold(token, id))));
    }

    private JsonNode view(String token, String id) {
        return api.get("/api/tasks/" + id, token).json();
    }

    /** The task folded afresh from the event store (time travel to now). */
    private JsonNode fold(String token, String id) {
        return api.get("/api/tasks/" + id + "?asOf=" + Instant.now(), token).json();
    }

    private void damage(String id) {
        jdbc.sql("update task_view set title = 'damaged', body = jsonb_set(body, '{title}', '\"damaged\"') where id = ?")
                .param(id).update();
    }

    private List<String> indexNames(String table) {
        return jdbc.sql("select indexname from pg_indexes where tablename = ?").param(table).query(String.class).list();
    }

    private void awaitReplay(String processor, String state) {
        await().atMost(SOON).untilAsserted(() -> assertThat(api.get("/api/admin/processors/" + processor, admin).json()
                .at("/replay/state").asText()).isEqualTo(state));
    }

    /** Runs the packaged tool as an operator would, against this instance, as the admin. */
    private Cli cli(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", CLI.toString(), "--url", api.baseUrl(), "--token", admin));
        command.addAll(List.of(args));
        Path output = Files.createTempFile("tasklog-admin", ".out");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        assertThat(process.waitFor(SOON.toSeconds(), TimeUnit.SECONDS)).as("tasklog-admin finished").isTrue();
        return new Cli(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }

    private record Cli(int exitCode, String output) {
    }
}
