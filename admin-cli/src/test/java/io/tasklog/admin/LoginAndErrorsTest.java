package io.tasklog.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LoginAndErrorsTest {

    private FakeTasklog server;

    @BeforeEach
    void start() throws Exception {
        server = new FakeTasklog().on("GET", "/api/admin/processors", 200, "[]");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void logsInWithEmailAndPasswordFromTheEnvironment() throws Exception {
        server.on("POST", "/api/auth/login", 200,
                "{\"token\":\"" + FakeTasklog.TOKEN + "\",\"expiresAt\":\"2030-01-01T00:00:00Z\"}");

        CliRun run = CliRun.run(Map.of("TASKLOG_URL", server.url(), "TASKLOG_EMAIL", "ops@example.com",
                "TASKLOG_PASSWORD", "secret-1"), "processors");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(server.calls()).containsExactly("POST /api/auth/login", "GET /api/admin/processors");
        assertThat(Json.MAPPER.readTree(server.requests().get(0).body()))
                .isEqualTo(Json.MAPPER.readTree("{\"email\":\"ops@example.com\",\"password\":\"secret-1\"}"));
        assertThat(server.requests().get(1).authorization()).isEqualTo("Bearer " + FakeTasklog.TOKEN);
    }

    @Test
    void emailOnTheCommandLineBeatsATokenInTheEnvironment() {
        server.on("POST", "/api/auth/login", 200, "{\"token\":\"" + FakeTasklog.TOKEN + "\"}");

        CliRun run = CliRun.run(Map.of("TASKLOG_URL", server.url(), "TASKLOG_TOKEN", "stale", "TASKLOG_PASSWORD", "pw"),
                "--email", "ops@example.com", "processors");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(server.calls()).first().isEqualTo("POST /api/auth/login");
    }

    @Test
    void aFailedLoginSaysToCheckTheCredentials() {
        server.on("POST", "/api/auth/login", 401,
                "{\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"Bad credentials\"}");

        CliRun run = CliRun.run(Map.of("TASKLOG_URL", server.url()), "--email", "ops@example.com", "--password", "nope",
                "processors");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("error: Unauthorized: Bad credentials\nhint: check --email/--password");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aRejectedTokenPointsAtTheAdminEmails() {
        CliRun run = CliRun.run(Map.of("TASKLOG_URL", server.url(), "TASKLOG_TOKEN", "expired"), "processors");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("error: Unauthorized: A valid bearer token is required\n")
                .contains("TASKLOG_SECURITY_ADMIN_EMAILS");
    }

    @Test
    void forbiddenMeansTheAccountIsNoAdmin() {
        server.on("GET", "/api/admin/dead-letters", 403,
                "{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,\"detail\":\"Admins only\"}");

        CliRun run = CliRun.run(env(), "dead-letters");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("error: Forbidden: Admins only\n"
                + "hint: this account is not an admin: " + Problems.ADMIN_EMAILS_HINT + "; log in again after adding it\n");
    }

    @Test
    void aProblemIsPrintedAsTitleAndDetail() {
        server.on("POST", "/api/admin/processors/nope/replay", 404,
                "{\"title\":\"Not Found\",\"status\":404,\"detail\":\"No processor named nope\"}");

        CliRun run = CliRun.run(env(), "replay", "nope");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("error: Not Found: No processor named nope\n");
    }

    @Test
    void anAnswerThatIsNoProblemStillReadsWell() {
        server.on("GET", "/api/admin/processors/x", 502, "<html>Bad gateway</html>");
        server.on("POST", "/api/admin/processors/x/replay", 202);

        CliRun run = CliRun.run(env(), "replay", "x");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("error: HTTP 502: <html>Bad gateway</html>\n");
    }

    @Test
    void connectionRefusedSaysWhereItLookedAndHowToPointElsewhere() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        CliRun run = CliRun.run(Map.of("TASKLOG_URL", "http://localhost:" + closedPort, "TASKLOG_TOKEN", "t"), "processors");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("error: cannot connect to http://localhost:" + closedPort + " (connection refused)\n"
                + "hint: is Tasklog running there? Point the tool at it with --url or TASKLOG_URL\n");
    }

    @Test
    void usageErrorsExitWithTwoAndSendNothing() {
        assertThat(CliRun.run(env()).exitCode()).isEqualTo(2);
        assertThat(CliRun.run(env(), "frobnicate").exitCode()).isEqualTo(2);
        assertThat(CliRun.run(env(), "replay").exitCode()).isEqualTo(2);
        assertThat(CliRun.run(env(), "retry").exitCode()).isEqualTo(2);
        assertThat(CliRun.run(env(), "retry", "dl-1", "--all").exitCode()).isEqualTo(2);
        assertThat(CliRun.run(env(), "retry", "dl-1", "--processor", "task-view").exitCode()).isEqualTo(2);
        assertThat(CliRun.run(env(), "replay", "task-view", "--resume", "--from", "start").exitCode()).isEqualTo(2);
        assertThat(CliRun.run(Map.of("TASKLOG_URL", "ftp://x", "TASKLOG_TOKEN", "t"), "processors").exitCode()).isEqualTo(2);

        CliRun badInstant = CliRun.run(env(), "replay", "task-view", "--from", "yesterday");
        assertThat(badInstant.exitCode()).isEqualTo(2);
        assertThat(badInstant.err()).contains("expected 'start' or an ISO-8601 instant");

        CliRun noCredentials = CliRun.run(Map.of("TASKLOG_URL", server.url()), "processors");
        assertThat(noCredentials.exitCode()).isEqualTo(2);
        assertThat(noCredentials.err()).contains("No credentials: pass --token");

        assertThat(server.calls()).isEmpty();
    }

    @Test
    void helpExitsWithZero() {
        CliRun run = CliRun.run(env(), "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("processors", "replay", "replay-status", "replay-cancel", "dead-letters", "retry",
                "evict", "TASKLOG_URL");
    }

    private Map<String, String> env() {
        return Map.of("TASKLOG_URL", server.url(), "TASKLOG_TOKEN", FakeTasklog.TOKEN);
    }
}
