package io.tasklog.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Rebuilds {@code task_view} from a large event store through the admin API and measures it against the ceiling:
 * reading and deserialising the same events without projecting ({@code dryRun}). Seeds the store first (registers
 * the owners through the API, then writes the events with SQL, see {@link EventStoreSeed}), then alternates dry
 * runs and real rebuilds, then checks the rebuilt table against the event store and a fresh fold.
 */
@Command(name = "RebuildBench", mixinStandardHelpOptions = true,
        description = "Seed N stored events, then time POST /api/admin/processors/task-view/replay: dry run (read +"
                + " deserialise) vs real rebuild; verify task_view afterwards.")
public final class RebuildBench implements Callable<Integer> {

    static final String PROCESSOR = "task-view";

    @Mixin
    CommonOptions common;

    /** The application's PostgreSQL, for seeding and checking. */
    @Mixin
    DatabaseOptions database;

    @Option(names = "--admin-email", defaultValue = "rebuild-admin@bench.example",
            description = "an account listed in the server's TASKLOG_SECURITY_ADMIN_EMAILS; registered if new (default: ${DEFAULT-VALUE})")
    String adminEmail;

    @Option(names = "--admin-password", defaultValue = Api.PASSWORD, description = "(default: ${DEFAULT-VALUE})")
    String adminPassword;

    @Option(names = "--events", defaultValue = "1000000", description = "events to seed, 5 per task (default: ${DEFAULT-VALUE})")
    long events;

    @Option(names = "--users", defaultValue = "300", description = "owners of the seeded tasks, registered through the API (default: ${DEFAULT-VALUE})")
    int users;

    @Option(names = "--window", defaultValue = "2000",
            description = "tasks whose events interleave in the global order (default: ${DEFAULT-VALUE})")
    int window;

    @Option(names = "--seed-only", description = "seed, then stop (measure later with --skip-seed)")
    boolean seedOnly;

    @Option(names = "--skip-seed", description = "do not seed: rebuild what the store holds")
    boolean skipSeed;

    @Option(names = "--repeats", defaultValue = "2", description = "pairs of (dry run, rebuild) measured (default: ${DEFAULT-VALUE})")
    int repeats;

    @Option(names = "--samples", defaultValue = "50", description = "rebuilt rows compared with a fresh fold (?asOf=) (default: ${DEFAULT-VALUE})")
    int samples;

    @Option(names = "--poll-ms", defaultValue = "200", description = "progress polling interval (default: ${DEFAULT-VALUE})")
    int pollMillis;

    @Option(names = "--replay-timeout", defaultValue = "3600", description = "seconds one replay may take (default: ${DEFAULT-VALUE})")
    int replayTimeoutSeconds;

    public static void main(String[] args) {
        System.exit(new CommandLine(new RebuildBench()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Report report = new Report("RebuildBench", common.baseUrl);
        report.json().put("jdbcUrl", database.jdbcUrl).put("repeats", repeats);
        Api anonymous = common.api();
        Api admin = loginOrRegister(anonymous, adminEmail, adminPassword);
        try (Connection db = database.connect()) {
            if (!skipSeed) {
                report.json().set("seed", seed(anonymous, admin, db));
                if (seedOnly) {
                    report.finish(common.out);
                    return 0;
                }
            }
            report.json().put("storedEvents", queryLong(db, "select count(*) from domain_event_entry"));
            report.json().set("concurrentlyAtStart", processors(admin));
            ArrayNode runs = report.json().putArray("runs");
            List<Run> dry = new ArrayList<>();
            List<Run> real = new ArrayList<>();
            for (int i = 1; i <= repeats; i++) {
                for (boolean dryRun : new boolean[] {true, false}) {
                    Run run = replay(admin, dryRun, i);
                    runs.add(run.toJson());
                    (dryRun ? dry : real).add(run);
                    if (!"completed".equals(run.state)) {
                        Report.line("!! the replay ended %s: %s", run.state, run.message);
                        report.finish(common.out);
                        return 3;
                    }
                }
            }
            ObjectNode summary = summarize(dry, real);
            report.json().set("summary", summary);
            ObjectNode verification = verify(anonymous, db);
            report.json().set("verification", verification);
            report.finish(common.out);
            return verification.path("ok").asBoolean() ? 0 : 4;
        }
    }

    // ---- seeding ----

    private ObjectNode seed(Api anonymous, Api admin, Connection db) throws Exception {
        int tasks = (int) (events / EventStoreSeed.EVENTS_PER_TASK);
        String runId = UUID.randomUUID().toString().substring(0, 8);
        Report.heading(String.format("seeding %,d events: %,d tasks of %d users (run %s)", (long) tasks * EventStoreSeed.EVENTS_PER_TASK,
                tasks, users, runId));
        long start = System.nanoTime();
        List<String> owners = registerOwners(anonymous, runId);
        double registerSeconds = (System.nanoTime() - start) / 1e9;
        Report.line("registered %d owners in %.1f s", owners.size(), registerSeconds);
        EventStoreSeed.Seeded seeded = new EventStoreSeed(db).seed(tasks, window, owners, runId,
                () -> createFenceTask(admin), Duration.ofSeconds(60));
        Report.line("inserted events %,d..%,d (%,d tasks) in %.1f s, behind the event-store processors' tokens (fence event %,d)",
                seeded.firstIndex(), seeded.lastIndex(), seeded.tasks(), seeded.seconds(), seeded.fenceIndex());
        ObjectNode json = seeded.toJson();
        json.put("runId", runId).put("users", owners.size()).put("registerSeconds", Summary.round(registerSeconds));
        return json;
    }

    private List<String> registerOwners(Api anonymous, String runId) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> ids = new ArrayList<>();
            for (int i = 0; i < users; i++) {
                String email = "rebuild-" + runId + "-u" + i + "@bench.example";
                ids.add(pool.submit(() -> userId(anonymous.register(email, Api.PASSWORD))));
            }
            List<String> owners = new ArrayList<>();
            for (Future<String> id : ids) {
                owners.add(id.get());
            }
            return owners;
        } finally {
            pool.shutdownNow();
        }
    }

    private static String createFenceTask(Api admin) {
        ObjectNode task = Api.object().put("title", "rebuild benchmark fence");
        Api.Response response = admin.send(admin.createTask(task));
        if (!response.ok()) {
            throw new IllegalStateException("creating the fence task answered " + response.status() + ": " + response.shortBody());
        }
        return response.json().path("id").asText();
    }

    // ---- measuring ----

    /** One replay as the admin API and this client saw it. */
    record Run(int repeat, boolean dryRun, String state, String message, long position, long total,
               String startedAt, String finishedAt, double serverEventsPerSecond, double serverSeconds, double clientSeconds, double foldSeconds,
               double loadBefore, double loadAfter) {

        double foldEventsPerSecond() {
            return position / foldSeconds;
        }

        double endToEndEventsPerSecond() {
            return position / clientSeconds;
        }

        ObjectNode toJson() {
            ObjectNode json = Api.object();
            json.put("repeat", repeat).put("dryRun", dryRun).put("state", state).put("position", position).put("total", total)
                    .put("startedAt", startedAt).put("finishedAt", finishedAt)
                    .put("serverEventsPerSecond", serverEventsPerSecond).put("serverSeconds", Summary.round(serverSeconds))
                    .put("clientSeconds", Summary.round(clientSeconds)).put("foldSeconds", Summary.round(foldSeconds))
                    .put("foldEventsPerSecond", Summary.round(foldEventsPerSecond()))
                    .put("endToEndEventsPerSecond", Summary.round(endToEndEventsPerSecond()))
                    .put("loadAverage1mBefore", loadBefore).put("loadAverage1mAfter", loadAfter);
            if (message != null) {
                json.put("message", message);
            }
            return json;
        }
    }

    private Run replay(Api admin, boolean dryRun, int repeat) throws InterruptedException {
        Report.heading((dryRun ? "dry run (read + deserialise)" : "rebuild of task_view") + ", repeat " + repeat);
        double loadBefore = Report.loadAverage();
        ObjectNode body = Api.object().put("from", "start").put("dryRun", dryRun);
        long start = System.nanoTime();
        Api.Response started = admin.send(admin.post("/api/admin/processors/" + PROCESSOR + "/replay", body));
        if (started.status() != 202) {
            throw new IllegalStateException("POST replay answered " + started.status() + ": " + started.shortBody());
        }
        long deadline = start + Duration.ofSeconds(replayTimeoutSeconds).toNanos();
        long foldedAt = 0;
        long lastPrint = start;
        JsonNode replay;
        while (true) {
            Thread.sleep(pollMillis);
            Api.Response status = admin.send(admin.get("/api/admin/processors/" + PROCESSOR));
            replay = status.json().path("replay");
            long now = System.nanoTime();
            if (foldedAt == 0 && replay.path("total").asLong() > 0 && replay.path("position").asLong() >= replay.path("total").asLong()) {
                foldedAt = now;
            }
            if (!"running".equals(replay.path("state").asText()) || now > deadline) {
                break;
            }
            if (now - lastPrint > 5_000_000_000L) {
                lastPrint = now;
                Report.line("  %,d / %,d events, %,.0f events/s (server), load %.2f", replay.path("position").asLong(),
                        replay.path("total").asLong(), replay.path("eventsPerSecond").asDouble(), Report.loadAverage());
            }
        }
        long end = System.nanoTime();
        double serverSeconds = Duration.between(Instant.parse(replay.path("startedAt").asText()),
                Instant.parse(replay.path("finishedAt").asText(Instant.now().toString()))).toMillis() / 1000.0;
        Run run = new Run(repeat, dryRun, replay.path("state").asText(), replay.path("message").asText(null),
                replay.path("position").asLong(), replay.path("total").asLong(), replay.path("startedAt").asText(),
                replay.path("finishedAt").asText(null), replay.path("eventsPerSecond").asDouble(),
                serverSeconds, (end - start) / 1e9, ((foldedAt == 0 ? end : foldedAt) - start) / 1e9, loadBefore, Report.loadAverage());
        Report.line("%s: %,d events in %.1f s = %,.0f events/s (server: %,.0f events/s over %.1f s; all events read after %.1f s"
                        + " = %,.0f events/s); load %.2f -> %.2f", run.state, run.position, run.clientSeconds,
                run.endToEndEventsPerSecond(), run.serverEventsPerSecond, run.serverSeconds, run.foldSeconds,
                run.foldEventsPerSecond(), run.loadBefore, run.loadAfter);
        return run;
    }

    private static ObjectNode summarize(List<Run> dry, List<Run> real) {
        double raw = best(dry, Run::serverEventsPerSecond);
        double rebuild = best(real, Run::serverEventsPerSecond);
        double fold = best(real, Run::foldEventsPerSecond);
        Report.heading("summary (best of each)");
        Report.line("raw read + deserialise (dry run): %,.0f events/s", raw);
        Report.line("rebuild (server rate, incl. indexes and swap): %,.0f events/s = %.2f x raw", rebuild, rebuild / raw);
        Report.line("rebuild, folding only (until the last chunk was stored): %,.0f events/s = %.2f x raw", fold, fold / raw);
        boolean met = rebuild >= 20_000 && rebuild >= 0.5 * raw;
        Report.line("goal >= 20,000 events/s and >= 0.5 x raw: %s", met ? "PASS" : "FAIL");
        ObjectNode json = Api.object();
        json.put("rawEventsPerSecond", Summary.round(raw)).put("rebuildEventsPerSecond", Summary.round(rebuild))
                .put("rebuildFoldEventsPerSecond", Summary.round(fold)).put("ratio", Summary.round(rebuild / raw))
                .put("goalMet", met);
        return json;
    }

    private static double best(List<Run> runs, java.util.function.ToDoubleFunction<Run> rate) {
        return runs.stream().mapToDouble(rate).max().orElse(0);
    }

    // ---- checking ----

    /**
     * The rebuilt table against the store: one row per task, deleted ones flagged, every row at its task's last
     * sequence number; and sampled rows equal to the task folded afresh from its events ({@code ?asOf=now}).
     */
    private ObjectNode verify(Api anonymous, Connection db) throws SQLException {
        Report.heading("checking task_view against the event store");
        ObjectNode json = Api.object();
        long tasks = queryLong(db, "select count(distinct aggregate_identifier) from domain_event_entry");
        long deleted = queryLong(db, "select count(distinct aggregate_identifier) from domain_event_entry"
                + " where payload_type = 'io.tasklog.api.task.TaskDeletedEvent'");
        long rows = queryLong(db, "select count(*) from task_view");
        long liveRows = queryLong(db, "select count(*) from task_view where not deleted");
        long wrongVersion = queryLong(db, """
                select count(*) from (select aggregate_identifier as id, max(sequence_number) as last
                                      from domain_event_entry group by aggregate_identifier) e
                left join task_view v on v.id = e.id where v.id is null or v.version <> e.last""");
        Report.line("tasks in the store %,d (%,d deleted); task_view rows %,d (%,d not deleted); rows missing or not at"
                + " the task's last event: %,d", tasks, deleted, rows, liveRows, wrongVersion);
        json.put("tasks", tasks).put("deletedTasks", deleted).put("rows", rows).put("liveRows", liveRows)
                .put("rowsNotAtLastEvent", wrongVersion);

        Map<String, Api> owners = new HashMap<>();
        int equal = 0;
        List<String> mismatches = new ArrayList<>();
        String asOf = Instant.now().toString();
        try (Statement statement = db.createStatement(); ResultSet rs = statement.executeQuery(
                "select v.id, u.email from task_view v join user_account u on u.id = v.owner_id where not v.deleted"
                        + " order by random() limit " + samples)) {
            while (rs.next()) {
                String id = rs.getString(1);
                Api owner = owners.computeIfAbsent(rs.getString(2), email -> anonymous.login(email, Api.PASSWORD));
                JsonNode view = owner.send(owner.get("/api/tasks/" + id)).json();
                JsonNode fold = owner.send(owner.get("/api/tasks/" + id + "?" + Api.query(Map.of("asOf", asOf)))).json();
                if (!view.isMissingNode() && view.equals(fold)) {
                    equal++;
                } else if (mismatches.size() < 3) {
                    mismatches.add(id + ": view " + view + " vs fold " + fold);
                }
            }
        }
        Report.line("sampled rows equal to a fresh fold: %d of %d", equal, samples);
        mismatches.forEach(m -> Report.line("  differs: %s", m));
        boolean ok = rows == tasks && liveRows == tasks - deleted && wrongVersion == 0 && equal == samples;
        Report.line("task_view %s", ok ? "matches the event store" : "DOES NOT match the event store");
        json.put("samples", samples).put("samplesEqual", equal).put("ok", ok);
        return json;
    }

    // ---- helpers ----

    private static Api loginOrRegister(Api anonymous, String email, String password) {
        try {
            return anonymous.login(email, password);
        } catch (IllegalStateException notYet) {
            return anonymous.register(email, password);
        }
    }

    /** The user id: the {@code sub} claim of the token. */
    private static String userId(Api user) {
        String payload = user.token().split("\\.")[1];
        String json = new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8);
        try {
            return Api.JSON.readTree(json).path("sub").asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("unreadable token payload " + json, e);
        }
    }

    /** The processors as the admin API lists them (what else runs while the rebuild is measured). */
    private static JsonNode processors(Api admin) {
        JsonNode list = admin.send(admin.get("/api/admin/processors")).json();
        Report.heading("event processors before measuring");
        for (JsonNode p : list) {
            Report.line("  %-36s %-10s lag %s", p.path("name").asText(), p.path("status").asText(), p.path("lag").asText());
        }
        return list;
    }

    private static long queryLong(Connection db, String sql) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql); ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
