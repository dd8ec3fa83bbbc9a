package io.tasklog.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Write throughput of Tasklog next to its two yardsticks, in one run on one machine (issue 13, goal 2):
 * {@code pgbench} single-row inserts on the same PostgreSQL server (the database's ceiling), the bare Axon
 * service of {@code benchmarks/axon-baseline} (started here as a child JVM) and Tasklog at {@code --base-url}.
 * Both services get the same phases: a warm-up, then C closed-loop clients (each its own user) creating tasks
 * for S seconds, then the same clients patching the tasks they created, round robin, with {@code If-Match}.
 */
@Command(name = "WriteThroughputBench", mixinStandardHelpOptions = true,
        description = "Creates/s and updates/s (If-Match) of Tasklog vs a bare Axon service vs pgbench inserts, in one run.")
public final class WriteThroughputBench implements Callable<Integer> {

    static final String BASELINE_DATABASE = "bench_axon_baseline";

    @Mixin
    CommonOptions common;

    /** Tasklog's PostgreSQL: pgbench and the baseline get databases of their own on that server. */
    @Mixin
    DatabaseOptions database;

    @Option(names = {"-c", "--clients"}, defaultValue = "8", description = "closed-loop clients, each its own user (default: ${DEFAULT-VALUE})")
    int clients;

    @Option(names = "--seconds", defaultValue = "20", description = "length of each measured phase and of pgbench (default: ${DEFAULT-VALUE})")
    int seconds;

    @Option(names = "--warmup-seconds", defaultValue = "60", description = "unmeasured rounds of creates then updates (10 s each)"
            + " for at least this long (default: ${DEFAULT-VALUE})")
    int warmupSeconds;

    @Option(names = "--max-warmup-seconds", defaultValue = "900", description = "and then on until the JIT has settled (its"
            + " compiler threads used under 1 s of CPU in a round; without the server's pid: a round's creates/s within 5 %%"
            + " of the round before), at most this long (default: ${DEFAULT-VALUE})")
    int maxWarmupSeconds;

    @Option(names = "--baseline-jar", defaultValue = "benchmarks/axon-baseline/target/axon-baseline.jar",
            description = "the bare Axon service (default: ${DEFAULT-VALUE})")
    Path baselineJar;

    @Option(names = "--baseline-jvm-arg", description = "a JVM option for the baseline (repeatable; none by default)")
    List<String> baselineJvmArgs = new ArrayList<>();

    @Option(names = "--baseline-start-timeout", defaultValue = "180", description = "seconds the baseline may take to start (default: ${DEFAULT-VALUE})")
    int baselineStartTimeout;

    @Option(names = "--skip-pgbench", description = "leave out the pgbench anchor")
    boolean skipPgbench;

    @Option(names = "--skip-baseline", description = "leave out the bare Axon baseline")
    boolean skipBaseline;

    @Option(names = "--server-pid", description = "Tasklog's JVM (same machine): its CPU time per operation is reported")
    Long serverPid;

    @Option(names = "--profile", description = "also record Tasklog's measured phases with JFR (needs --server-pid) and print"
            + " the hottest methods; JFR costs throughput, so take the figures from a run without it")
    boolean profile;

    @Option(names = "--jfr-dir", defaultValue = ".", description = "where tasklog-writes.jfr goes (default: ${DEFAULT-VALUE})")
    Path jfrDir;

    public static void main(String[] args) {
        System.exit(new CommandLine(new WriteThroughputBench()).execute(args));
    }

    /** One system's two measured phases. */
    record Measured(String system, WriteLatencyBench.Phase creates, WriteLatencyBench.Phase updates, double loadBefore,
                    double loadAfter, ObjectNode createsCpu, ObjectNode updatesCpu) {
        ObjectNode toJson() {
            ObjectNode json = Api.object().put("loadAverage1mBefore", loadBefore).put("loadAverage1mAfter", loadAfter);
            json.set("creates", creates.toJson().set("cpuPerOperation", createsCpu));
            json.set("updates", updates.toJson().set("cpuPerOperation", updatesCpu));
            return json;
        }
    }

    @Override
    public Integer call() throws Exception {
        Report report = new Report("WriteThroughputBench", common.baseUrl);
        report.json().put("clients", clients).put("seconds", seconds).put("warmupSeconds", warmupSeconds).put("jdbcUrl", database.jdbcUrl);
        Pgbench.Result pgbench = skipPgbench ? null : pgbench();
        if (pgbench != null) {
            report.json().set("pgbench", pgbench.toJson());
        }
        Measured baseline = skipBaseline ? null : baseline();
        if (baseline != null) {
            report.json().set("axonBaseline", baseline.toJson());
        }
        Report.heading("Tasklog at " + common.baseUrl);
        Api anonymous = common.api();
        List<Client> tasklogClients = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            tasklogClients.add(new Client(anonymous.registerNewUser("write-throughput"), common.seed + i));
        }
        Measured tasklog = measure("Tasklog", tasklogClients, serverPid, profile && serverPid != null);
        report.json().set("tasklog", tasklog.toJson());
        if (profile && serverPid != null) {
            Report.heading("where Tasklog's CPU went during the measured phases (JFR)");
            report.json().set("tasklogProfile", JfrProfile.analyse(jfrFile(), 25, 15));
        }
        report.json().set("ratios", table(pgbench, baseline, tasklog));
        report.finish(common.out);
        return 0;
    }

    private Pgbench.Result pgbench() throws Exception {
        Report.heading(String.format("pgbench: %d clients, %d s, one single-row insert of %d bytes per transaction",
                clients, seconds, Pgbench.PAYLOAD_BYTES));
        if (!Pgbench.installed()) {
            Report.line("!! pgbench is not on the PATH (it comes with the PostgreSQL client: apt-get install postgresql-client);"
                    + " leaving the anchor out");
            return null;
        }
        Pgbench.Result result = Pgbench.run(database, clients, seconds);
        Report.line("%,.0f tps, latency average %.2f ms (database %s)", result.tps(), result.latencyAverageMs(), Pgbench.DATABASE);
        return result;
    }

    private Measured baseline() throws Exception {
        Report.heading("bare Axon baseline (" + baselineJar + ")");
        Pgbench.createDatabase(database, BASELINE_DATABASE);
        try (AxonBaselineProcess process = AxonBaselineProcess.start(baselineJar, Pgbench.withDatabase(database.jdbcUrl, BASELINE_DATABASE),
                database.user, database.password, baselineJvmArgs, Duration.ofSeconds(baselineStartTimeout))) {
            Report.line("started: pid %d at %s (database %s, log %s)", process.pid(), process.baseUrl, BASELINE_DATABASE, process.log());
            Api api = Api.connect(process.baseUrl, Duration.ofSeconds(common.httpTimeoutSeconds));
            List<Client> baselineClients = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                baselineClients.add(new Client(api.as(process.tokenForNewUser()), common.seed + i));
            }
            return measure("bare Axon", baselineClients, process.pid(), false);
        }
    }

    private Path jfrFile() {
        return jfrDir.resolve("tasklog-writes.jfr");
    }

    private Measured measure(String system, List<Client> users, Long serverPid, boolean recordJfr) throws Exception {
        Long profiledPid = recordJfr ? serverPid : null;
        ProcessCpu cpu = ProcessCpu.watching(serverPid, database);
        Report.line("%d clients; warm-up until the JIT has settled (%d-%d s), then %d s of creates and %d s of updates",
                users.size(), warmupSeconds, maxWarmupSeconds, seconds, seconds);
        warmUp(system, users, serverPid);
        if (profiledPid != null) {
            Files.createDirectories(jfrDir);
            JfrProfile.start(profiledPid, jfrFile());
            Report.line("JFR recording of pid %d to %s", profiledPid, jfrFile());
        }
        WriteLatencyBench.Phase creates;
        WriteLatencyBench.Phase updates;
        ObjectNode createsCpu;
        ObjectNode updatesCpu;
        double loadBefore = Report.loadAverage();
        try {
            ProcessCpu.Sample start = cpu.sample();
            creates = run(users, seconds, Client::create);
            ProcessCpu.Sample between = cpu.sample();
            createsCpu = between.perOperation(start, creates.requests() - creates.errors());
            print(system + " creates", creates);
            Report.line("  %s", ProcessCpu.Sample.format(createsCpu));
            updates = run(users, seconds, Client::update);
            updatesCpu = cpu.sample().perOperation(between, updates.requests() - updates.errors());
            print(system + " updates", updates);
            Report.line("  %s", ProcessCpu.Sample.format(updatesCpu));
        } finally {
            if (profiledPid != null) {
                JfrProfile.stop(profiledPid);
            }
        }
        double loadAfter = Report.loadAverage();
        Report.line("machine load (1 min) %.2f before the measured phases, %.2f after (%d CPUs)", loadBefore, loadAfter,
                Runtime.getRuntime().availableProcessors());
        return new Measured(system, creates, updates, loadBefore, loadAfter, createsCpu, updatesCpu);
    }

    /**
     * Rounds of 10 s creates and 10 s updates until the server's JIT has settled (at least --warmup-seconds): a JVM
     * on 2 cores spends minutes compiling a large application's hot paths (C2), its throughput climbing all along, and
     * a system measured earlier in its warm-up than the other would be compared unfairly.
     */
    private void warmUp(String system, List<Client> users, Long serverPid) throws InterruptedException {
        long start = System.nanoTime();
        double previous = 0;
        double compiled = serverPid == null ? 0 : ProcessCpu.compilerSeconds(serverPid);
        for (int round = 1; ; round++) {
            WriteLatencyBench.Phase creates = run(users, 10, Client::create);
            if (users.stream().anyMatch(user -> user.ids.isEmpty())) {
                throw new IllegalStateException(system + ": a client created no task in the warm-up: " + creates.firstError());
            }
            WriteLatencyBench.Phase updates = run(users, 10, Client::update);
            double rate = creates.throughput();
            long elapsed = (System.nanoTime() - start) / 1_000_000_000L;
            double compiledNow = serverPid == null ? 0 : ProcessCpu.compilerSeconds(serverPid);
            Report.line("  warm-up round %d (%d s): %.0f creates/s, %.0f updates/s%s", round, elapsed, rate, updates.throughput(),
                    serverPid == null ? "" : String.format(", JIT compilers %.1f s of CPU", compiledNow - compiled));
            boolean settled = serverPid != null ? compiledNow - compiled < 1.0
                    : previous > 0 && Math.abs(rate - previous) <= 0.05 * previous;
            compiled = compiledNow;
            if ((settled && elapsed >= warmupSeconds) || elapsed >= maxWarmupSeconds) {
                return;
            }
            previous = rate;
        }
    }

    private static void print(String what, WriteLatencyBench.Phase phase) {
        Report.line("%-20s %8.1f/s  %s  (%d errors)", what, phase.throughput(), phase.latency().format(), phase.errors());
        if (phase.firstError() != null) {
            Report.line("  errors by status: %s", phase.firstError());
        }
    }

    /** C closed-loop clients for {@code seconds}: each sends its next request as soon as its last one is answered. */
    private static WriteLatencyBench.Phase run(List<Client> users, int seconds, Function<Client, Api.Response> operation)
            throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        return WriteLatencyBench.closedLoop(users, () -> System.nanoTime() < deadline, operation);
    }

    /** One client: its own user, the tasks it created and the version it last saw of each. */
    static final class Client {

        private final Api api;
        private final Random random;
        private final List<String> ids = new ArrayList<>();
        private final List<Long> versions = new ArrayList<>();
        private int next;

        Client(Api api, long seed) {
            this.api = api;
            this.random = new Random(seed);
        }

        Api.Response create() {
            Api.Response response = api.send(api.createTask(TaskGen.simpleTask(random)));
            if (response.ok()) {
                ids.add(response.json().path("id").asText());
                versions.add(response.json().path("version").asLong());
            }
            return response;
        }

        /** The next own task, round robin, with If-Match of the version last seen; a 412 re-reads the task. */
        Api.Response update() {
            int i = next++ % ids.size();
            ObjectNode patch = Api.object().put("title", TaskGen.title(random, 2, 4)).put("priority", TaskGen.priority(random));
            Api.Response response = api.send(api.patchTask(ids.get(i), patch, versions.get(i)));
            if (response.ok()) {
                versions.set(i, response.json().path("version").asLong());
            } else if (response.status() == 412) {
                Api.Response current = api.send(api.get("/api/tasks/" + ids.get(i)));
                if (current.ok()) {
                    versions.set(i, current.json().path("version").asLong());
                }
            }
            return response;
        }
    }

    // ---- the comparison ----

    private ObjectNode table(Pgbench.Result pgbench, Measured baseline, Measured tasklog) {
        Report.heading(String.format("write throughput, %d clients, %d s per phase (latencies in ms)", clients, seconds));
        Report.line("%-16s %10s %7s %7s %7s %10s %7s %7s %7s   %-17s %s", "system", "creates/s", "p50", "p99", "errors",
                "updates/s", "p50", "p99", "errors", "vs pgbench (c/u)", "vs bare Axon (c/u)");
        if (pgbench != null) {
            Report.line("%-16s %10.0f tps (single-row inserts of %d bytes, latency average %.2f ms)", "pgbench insert",
                    pgbench.tps(), Pgbench.PAYLOAD_BYTES, pgbench.latencyAverageMs());
        }
        ObjectNode ratios = Api.object();
        for (Measured system : baseline == null ? List.of(tasklog) : List.of(baseline, tasklog)) {
            ObjectNode row = ratios.putObject(system == baseline ? "axonBaseline" : "tasklog");
            String vsPgbench = "";
            if (pgbench != null) {
                double c = 100 * system.creates().throughput() / pgbench.tps();
                double u = 100 * system.updates().throughput() / pgbench.tps();
                vsPgbench = String.format("%.1f %% / %.1f %%", c, u);
                row.put("createsPctOfPgbench", Summary.round(c)).put("updatesPctOfPgbench", Summary.round(u));
            }
            String vsBaseline = "";
            if (baseline != null && system != baseline) {
                double c = system.creates().throughput() / baseline.creates().throughput();
                double u = system.updates().throughput() / baseline.updates().throughput();
                vsBaseline = String.format("%.2fx / %.2fx", c, u);
                row.put("createsVsBaseline", Summary.round(c)).put("updatesVsBaseline", Summary.round(u));
            }
            WriteLatencyBench.Phase c = system.creates();
            WriteLatencyBench.Phase u = system.updates();
            Report.line("%-16s %10.1f %7.1f %7.1f %7d %10.1f %7.1f %7.1f %7d   %-17s %s", system.system(), c.throughput(),
                    Summary.ms(c.latency().p50()), Summary.ms(c.latency().p99()), c.errors(), u.throughput(),
                    Summary.ms(u.latency().p50()), Summary.ms(u.latency().p99()), u.errors(), vsPgbench, vsBaseline);
        }
        WriteLatencyBench.Phase c = tasklog.creates();
        WriteLatencyBench.Phase u = tasklog.updates();
        boolean pass = c.throughput() >= 600 && u.throughput() >= 500 && Summary.ms(c.latency().p99()) <= 50
                && Summary.ms(u.latency().p99()) <= 50;
        Report.line("");
        Report.line("goal: Tasklog >= 600 creates/s and >= 500 updates/s with p99 <= 50 ms at 8 clients (here %d): %s",
                clients, pass ? "PASS" : "FAIL");
        ratios.put("goalPass", pass);
        return ratios;
    }
}
