package io.tasklog.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReplayCommandsTest {

    private static final String REPLAY_PATH = "/api/admin/processors/task-view/replay";
    private static final String PROCESSOR_PATH = "/api/admin/processors/task-view";

    private FakeTasklog server;
    private Map<String, String> env;

    @BeforeEach
    void start() throws Exception {
        server = new FakeTasklog().on("POST", REPLAY_PATH, 202);
        env = Map.of("TASKLOG_URL", server.url(), "TASKLOG_TOKEN", FakeTasklog.TOKEN);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static String replaying(long position, long total, String state) {
        return "{\"name\":\"task-view\",\"status\":\"replaying\",\"replaying\":true,\"segments\":1,\"lag\":0,"
                + "\"deadLetters\":0,\"replay\":{\"position\":" + position + ",\"total\":" + total
                + ",\"eventsPerSecond\":25000.0,\"eta\":\"PT2S\",\"state\":\"" + state + "\"}}";
    }

    @Test
    void replaysFromTheStartShowingProgressAndASummary() throws Exception {
        server.on("GET", PROCESSOR_PATH, 200,
                replaying(0, 100000, "running"), replaying(50000, 100000, "running"), replaying(100000, 100000, "completed"));

        CliRun run = CliRun.run(env, "replay", "task-view");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(Json.MAPPER.readTree(server.requests().get(0).body())).isEqualTo(Json.MAPPER.readTree("{\"from\":\"start\"}"));
        assertThat(server.calls()).startsWith("POST " + REPLAY_PATH).contains("GET " + PROCESSOR_PATH);
        // the bar's last drawing, then the summary
        assertThat(run.out()).contains("\rtask-view 100% [", "] 100000/100000 (", ") 25,000 events/s");
        assertThat(run.out()).contains("""
                Replay of task-view completed.
                  events:    100,000 (position 100,000 of 100,000)
                """);
        assertThat(run.out()).containsPattern("  duration:  \\d+\\.\\d s\n  events/s:  [\\d,]+\n  state:     completed\n$");
    }

    @Test
    void replaysFromAnInstant() throws Exception {
        server.on("GET", PROCESSOR_PATH, 200, replaying(10, 10, "completed"));

        CliRun run = CliRun.run(env, "replay", "task-view", "--from", "2025-03-01T10:15:30Z");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Json.MAPPER.readTree(server.requests().get(0).body()))
                .isEqualTo(Json.MAPPER.readTree("{\"from\":\"2025-03-01T10:15:30Z\"}"));
    }

    @Test
    void resumesAnInterruptedReplayCountingFromWhereItWas() throws Exception {
        server.on("GET", PROCESSOR_PATH, 200, replaying(600, 1000, "running"), replaying(1000, 1000, "completed"));

        CliRun run = CliRun.run(env, "replay", "task-view", "--resume");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Json.MAPPER.readTree(server.requests().get(0).body())).isEqualTo(Json.MAPPER.readTree("{\"from\":\"resume\"}"));
        assertThat(run.out()).contains("  events:    400 (position 1,000 of 1,000)", "  watched:");
    }

    @Test
    void aReplayThatVanishesWhenDoneCountsAsCompleted() {
        server.on("GET", PROCESSOR_PATH, 200, replaying(3, 7, "running").replace(",\"state\":\"running\"", ""),
                "{\"name\":\"task-view\",\"status\":\"running\",\"replaying\":false,\"replay\":null}");

        CliRun run = CliRun.run(env, "replay", "task-view");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Replay of task-view completed.", "  events:    3 (position 3 of 7)");
    }

    @Test
    void aFailedReplayExitsWithOneAndSaysWhy() {
        server.on("GET", PROCESSOR_PATH, 200, replaying(5, 10, "running"),
                replaying(5, 10, "failed").replace("}}", ",\"message\":\"relation task_view_shadow does not exist\"}}"));

        CliRun run = CliRun.run(env, "replay", "task-view");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("Replay of task-view failed.", "  message:   relation task_view_shadow does not exist");
        assertThat(run.err()).isEqualTo("error: the replay of task-view failed: relation task_view_shadow does not exist\n");
    }

    @Test
    void aReplayInterruptedOnTheServerSaysHowToResume() {
        server.on("GET", PROCESSOR_PATH, 200, replaying(5, 10, "running"), replaying(7, 10, "interrupted"));

        CliRun run = CliRun.run(env, "replay", "task-view");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("tasklog-admin replay task-view --resume");
    }

    @Test
    void ctrlCStopsWatchingOnlyAndSaysHowToComeBack() {
        server.on("GET", PROCESSOR_PATH, 200, replaying(5, 10, "running"));

        CliRun run = CliRun.run(env, CliRun.ctrlCAfter(Duration.ofMillis(150)), "replay", "task-view");

        assertThat(run.exitCode()).isEqualTo(ReplayWatcher.DETACHED);
        assertThat(run.out()).contains("Stopped watching; the replay of task-view goes on on the server.",
                "tasklog-admin replay-status task-view", "tasklog-admin replay-cancel task-view");
        assertThat(server.calls()).doesNotContain("DELETE " + REPLAY_PATH);
    }

    @Test
    void aReplayAlreadyRunningPointsAtReplayStatus() {
        server.close();
        try (FakeTasklog busy = new FakeTasklog().on("POST", REPLAY_PATH, 409,
                "{\"title\":\"Conflict\",\"status\":409,\"detail\":\"task-view is already replaying\"}")) {
            CliRun run = CliRun.run(Map.of("TASKLOG_URL", busy.url(), "TASKLOG_TOKEN", FakeTasklog.TOKEN), "replay", "task-view");

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).isEqualTo("error: Conflict: task-view is already replaying\n"
                    + "hint: a replay may already be running: watch it:  tasklog-admin replay-status task-view\n");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void detachStartsAndReturns() {
        CliRun run = CliRun.run(env, "replay", "task-view", "--detach");

        assertThat(run.exitCode()).isZero();
        assertThat(server.calls()).containsExactly("POST " + REPLAY_PATH);
        assertThat(run.out()).contains("Replay of task-view started on the server.", "tasklog-admin replay-status task-view");
    }

    @Test
    void replayStatusAttachesToARunningReplay() {
        server.on("GET", PROCESSOR_PATH, 200, replaying(20, 40, "running"), replaying(40, 40, "completed"));

        CliRun run = CliRun.run(env, "replay-status", "task-view");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(server.calls()).doesNotContain("POST " + REPLAY_PATH);
        assertThat(run.out()).contains("Replay of task-view completed.", "  events:    20 (position 40 of 40)");
    }

    @Test
    void replayStatusWithoutAReplaySaysSo() {
        server.on("GET", PROCESSOR_PATH, 200, "{\"name\":\"task-view\",\"status\":\"running\",\"replaying\":false}");

        CliRun run = CliRun.run(env, "replay-status", "task-view");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("task-view is not replaying (status running).\n");
    }

    @Test
    void replayCancelInterruptsAndSaysHowToResume() {
        server.on("DELETE", REPLAY_PATH, 200, replaying(70, 100, "interrupted"));

        CliRun run = CliRun.run(env, "replay-cancel", "task-view");

        assertThat(run.exitCode()).isZero();
        assertThat(server.calls()).containsExactly("DELETE " + REPLAY_PATH);
        assertThat(run.out()).isEqualTo("Replay of task-view interrupted at position 70.\n"
                + "  resume it: tasklog-admin replay task-view --resume\n");
    }

    @Test
    void progressReadsTheEtaInEveryShape() {
        java.time.Instant now = java.time.Instant.parse("2025-01-01T00:00:00Z");
        assertThat(etaOf("\"PT1M\"", now)).isEqualTo(Duration.ofMinutes(1));
        assertThat(etaOf("90", now)).isEqualTo(Duration.ofSeconds(90));
        assertThat(etaOf("\"2025-01-01T00:00:30Z\"", now)).isEqualTo(Duration.ofSeconds(30));
        assertThat(etaOf("null", now)).isEqualTo(Duration.ofSeconds(4));   // (total - position) / rate
    }

    private static Duration etaOf(String eta, java.time.Instant now) {
        return ReplayProgress.of(Json.parse("{\"replaying\":true,\"replay\":{\"position\":0,\"total\":100,"
                + "\"eventsPerSecond\":25,\"eta\":" + eta + "}}"), now).eta();
    }
}
