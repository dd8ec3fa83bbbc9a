package io.tasklog.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeadLetterCommandsTest {

    private static final String FIRST_PAGE = """
            {"items":[{"id":"dl-1","processor":"task-view","sequence":"task-7","eventType":"TaskCreatedEvent",
              "eventId":"e-1","cause":"java.lang.IllegalStateException: poison\\n\\tat x","attempts":3,
              "enqueuedAt":"2025-03-01T10:00:00Z"}],
             "nextCursor":"c2"}""";
    private static final String SECOND_PAGE = """
            {"items":[{"id":"dl-2","processor":"task-view","sequence":"task-7","eventType":"TaskRenamedEvent",
              "eventId":"e-2","cause":"waiting behind dl-1","attempts":0,"enqueuedAt":"2025-03-01T10:00:01Z"}],
             "nextCursor":null}""";

    private FakeTasklog server;
    private Map<String, String> env;

    @BeforeEach
    void start() throws Exception {
        server = new FakeTasklog();
        env = Map.of("TASKLOG_URL", server.url(), "TASKLOG_TOKEN", FakeTasklog.TOKEN);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void listsEveryPageAsATable() {
        server.on("GET", "/api/admin/dead-letters?processor=task-view", 200, FIRST_PAGE)
                .on("GET", "/api/admin/dead-letters?processor=task-view&cursor=c2", 200, SECOND_PAGE);

        CliRun run = CliRun.run(env, "dead-letters", "--processor", "task-view");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(server.calls()).containsExactly("GET /api/admin/dead-letters?processor=task-view",
                "GET /api/admin/dead-letters?processor=task-view&cursor=c2");
        assertThat(run.out()).isEqualTo("""
                ID    PROCESSOR  SEQUENCE  EVENT TYPE        ATTEMPTS  ENQUEUED AT           CAUSE
                dl-1  task-view  task-7    TaskCreatedEvent         3  2025-03-01T10:00:00Z  java.lang.IllegalStateException: poison at x
                dl-2  task-view  task-7    TaskRenamedEvent         0  2025-03-01T10:00:01Z  waiting behind dl-1
                2 dead letters
                """);
    }

    @Test
    void listsEveryPageAsOneJsonArray() throws Exception {
        server.on("GET", "/api/admin/dead-letters", 200, FIRST_PAGE)
                .on("GET", "/api/admin/dead-letters?cursor=c2", 200, SECOND_PAGE);

        CliRun run = CliRun.run(env, "dead-letters", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Json.MAPPER.readTree(run.out())).hasSize(2);
        assertThat(Json.MAPPER.readTree(run.out()).get(1).get("eventId").asText()).isEqualTo("e-2");
    }

    @Test
    void saysSoWhenThereAreNone() {
        server.on("GET", "/api/admin/dead-letters", 200, "{\"items\":[],\"nextCursor\":null}");

        CliRun run = CliRun.run(env, "dead-letters");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("No dead letters.\n");
    }

    @Test
    void retriesOne() {
        server.on("POST", "/api/admin/dead-letters/dl-1/retry", 202);

        CliRun run = CliRun.run(env, "retry", "dl-1");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(server.calls()).containsExactly("POST /api/admin/dead-letters/dl-1/retry");
        assertThat(run.out()).isEqualTo("Retried dead letter dl-1.\n");
    }

    @Test
    void retriesAllOfOneProcessor() {
        server.on("POST", "/api/admin/dead-letters/retry-all", 200, "{\"retried\":2}");

        CliRun run = CliRun.run(env, "retry", "--all", "--processor", "task-view");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(server.calls()).containsExactly("POST /api/admin/dead-letters/retry-all?processor=task-view");
        assertThat(run.out()).isEqualTo("Retried 2 dead letters of task-view.\n");
    }

    @Test
    void retriesAllWithoutAnEmptyProcessorParameter() {
        server.on("POST", "/api/admin/dead-letters/retry-all", 204);

        CliRun run = CliRun.run(env, "retry", "--all");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(server.calls()).containsExactly("POST /api/admin/dead-letters/retry-all");
        assertThat(run.out()).isEqualTo("Retried all dead letters.\n");
    }

    @Test
    void evictsOne() {
        server.on("DELETE", "/api/admin/dead-letters/dl-1", 204);

        CliRun run = CliRun.run(env, "evict", "dl-1");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(server.calls()).containsExactly("DELETE /api/admin/dead-letters/dl-1");
        assertThat(run.out()).isEqualTo("Evicted dead letter dl-1.\n");
    }

    @Test
    void anUnknownDeadLetterIsAProblem() {
        server.on("POST", "/api/admin/dead-letters/dl-9/retry", 404,
                "{\"title\":\"Not Found\",\"status\":404,\"detail\":\"No dead letter dl-9\"}");

        CliRun run = CliRun.run(env, "retry", "dl-9");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("error: Not Found: No dead letter dl-9\n");
    }
}
