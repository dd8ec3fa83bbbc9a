package io.tasklog.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProcessorsCommandTest {

    private static final String PROCESSORS = """
            [{"name":"task-view","status":"running","replaying":false,"segments":4,"lag":0,"deadLetters":0},
             {"name":"notifications","status":"replaying","replaying":true,"segments":[0,1],"lag":12345,"deadLetters":2},
             {"name":"recurrence-saga","status":"error","replaying":false,"segments":1,"lag":null,"deadLetters":17}]""";

    private FakeTasklog server;
    private Map<String, String> env;

    @BeforeEach
    void start() throws Exception {
        server = new FakeTasklog().on("GET", "/api/admin/processors", 200, PROCESSORS);
        env = Map.of("TASKLOG_URL", server.url(), "TASKLOG_TOKEN", FakeTasklog.TOKEN);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void printsAnAlignedTable() {
        CliRun run = CliRun.run(env, "processors");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).isEqualTo("""
                NAME             STATUS     REPLAYING  SEGMENTS    LAG  DEAD LETTERS
                task-view        running    no                4      0             0
                notifications    replaying  yes               2  12345             2
                recurrence-saga  error      no                1      -            17
                """);
        assertThat(server.calls()).containsExactly("GET /api/admin/processors");
        assertThat(server.requests().get(0).authorization()).isEqualTo("Bearer " + FakeTasklog.TOKEN);
    }

    @Test
    void printsTheServersJsonForScripts() throws Exception {
        CliRun run = CliRun.run(env, "processors", "--json");

        assertThat(run.exitCode()).isZero();
        assertThat(Json.MAPPER.readTree(run.out())).isEqualTo(Json.MAPPER.readTree(PROCESSORS));
    }

    @Test
    void globalOptionsMayFollowTheCommand() {
        CliRun run = CliRun.run(Map.of(), "processors", "--url", server.url(), "--token", FakeTasklog.TOKEN);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("NAME");
    }

    @Test
    void globalOptionsMayPrecedeTheCommandAndBeatTheEnvironment() {
        CliRun run = CliRun.run(Map.of("TASKLOG_URL", "http://localhost:1", "TASKLOG_TOKEN", "stale"),
                "--url", server.url() + "/", "--token", FakeTasklog.TOKEN, "processors");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("NAME");
    }

    @Test
    void saysSoWhenThereAreNoProcessors() {
        server.close();
        try (FakeTasklog empty = new FakeTasklog().on("GET", "/api/admin/processors", 200, "[]")) {
            CliRun run = CliRun.run(Map.of("TASKLOG_URL", empty.url(), "TASKLOG_TOKEN", FakeTasklog.TOKEN), "processors");
            assertThat(run.exitCode()).isZero();
            assertThat(run.out()).isEqualTo("No event processors.\n");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
