package io.tasklog.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Many open streams per user on one instance: U users × S streams each; per round, one create per user, and
 * the time from the create's HTTP answer until the change was read on every one of that user's S streams.
 * Optionally (on the server's machine) the database's transactions per second while all streams sit idle, and
 * the server's heap after a full GC and its resident memory.
 */
@Command(name = "FanOutBench", mixinStandardHelpOptions = true,
        description = "U users x S open streams each; one create per user and round -> delivered to all S streams.")
public final class FanOutBench implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = {"-u", "--users"}, defaultValue = "250", description = "users (default: ${DEFAULT-VALUE})")
    int users;

    @Option(names = {"-s", "--streams-per-user"}, defaultValue = "40", description = "open streams per user (default: ${DEFAULT-VALUE})")
    int streamsPerUser;

    @Option(names = "--rounds", defaultValue = "5", description = "rounds of one create per user (default: ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--jdbc-url", description = "the server's PostgreSQL, to count idle transactions per second (optional)")
    String jdbcUrl;

    @Option(names = "--jdbc-user", defaultValue = "postgres")
    String jdbcUser;

    @Option(names = "--jdbc-password", defaultValue = "postgres")
    String jdbcPassword;

    @Option(names = "--server-pid", description = "the server's process id on this machine, for heap after GC and RSS (optional)")
    Long serverPid;

    /** taskId → when its create was answered (nanoTime). */
    private final Map<String, Long> answered = new ConcurrentHashMap<>();
    /** taskId → when it was read on each stream; matched with the answers at the end (an event may come first). */
    private final Map<String, ConcurrentLinkedQueue<Long>> reads = new ConcurrentHashMap<>();

    public static void main(String[] args) {
        System.exit(new CommandLine(new FanOutBench()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Report report = new Report("FanOutBench", common.baseUrl);
        report.json().put("users", users).put("streamsPerUser", streamsPerUser).put("rounds", rounds);
        Api anonymous = common.api();
        double idleBefore = idleTransactionsPerSecond();
        serverMemory("serverMemoryBeforeStreams", "before the streams opened", report.json());
        List<Api> accounts = new ArrayList<>();
        List<SseClient> streams = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            Api user = anonymous.registerNewUser("fanout");
            accounts.add(user);
            for (int s = 0; s < streamsPerUser; s++) {
                streams.add(new SseClient(user, "fanout-" + u + "-" + s, this::onEvent).start());
            }
        }
        long connectedBy = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        int connected = 0;
        for (SseClient stream : streams) {
            if (stream.awaitConnected(Duration.ofNanos(Math.max(1, connectedBy - System.nanoTime())))) {
                connected++;
            }
        }
        Report.line("%,d of %,d streams connected", connected, streams.size());
        Thread.sleep(5_000);
        double idleWithStreams = idleTransactionsPerSecond();
        for (int round = 0; round < rounds; round++) {
            for (Api user : accounts) {
                Api.Response created = user.send(user.createTask(Api.object().put("title", "fan-out " + round)));
                if (created.ok()) {
                    answered.put(created.json().get("id").asText(), created.doneNanos());
                }
            }
            Thread.sleep(2_000);
        }
        Thread.sleep(10_000);
        long expected = (long) answered.size() * streamsPerUser;
        // an event read before its create's answer counts as 0 (the stream was faster than the HTTP answer)
        long[] latencies = answered.entrySet().stream()
                .flatMap(task -> reads.getOrDefault(task.getKey(), new ConcurrentLinkedQueue<>()).stream()
                        .map(read -> Math.max(0, read - task.getValue())))
                .mapToLong(Long::longValue).toArray();
        Summary summary = Summary.of(latencies);
        Report.heading("accepted -> delivered on every stream of the user");
        Report.line("%s (%,d of %,d expected deliveries)", summary.format(), latencies.length, expected);
        Report.line("idle database transactions/s: %.1f before the streams opened, %.1f with %,d streams open",
                idleBefore, idleWithStreams, connected);
        ObjectNode result = report.json();
        result.put("connected", connected).put("expectedDeliveries", expected).put("deliveries", latencies.length)
                .put("idleTxPerSecondBefore", idleBefore).put("idleTxPerSecondWithStreams", idleWithStreams)
                .set("acceptedToDelivered", summary.toJson());
        serverMemory("serverMemoryWithStreams", "with " + connected + " streams open", result);
        streams.forEach(SseClient::close);
        report.finish(common.out);
        return 0;
    }

    private void onEvent(SseEvent event) {
        if (!"task.changed".equals(event.event())) {
            return;
        }
        reads.computeIfAbsent(event.json().path("taskId").asText(), task -> new ConcurrentLinkedQueue<>())
                .add(event.receivedNanos());
    }

    /** Transactions per second over 10 s of idling (commits + rollbacks of the database), or -1 without JDBC. */
    private double idleTransactionsPerSecond() throws Exception {
        if (jdbcUrl == null) {
            return -1;
        }
        try (Connection db = DriverManager.getConnection(jdbcUrl, jdbcUser, jdbcPassword)) {
            long before = transactions(db);
            Thread.sleep(10_000);
            return (transactions(db) - before - 1) / 10.0;
        }
    }

    private static long transactions(Connection db) throws Exception {
        try (ResultSet rs = db.createStatement().executeQuery(
                "select xact_commit + xact_rollback from pg_stat_database where datname = current_database()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The server's heap in use after a full GC (jcmd) and its resident memory, when its pid is given. */
    private void serverMemory(String key, String when, ObjectNode result) throws Exception {
        if (serverPid == null) {
            return;
        }
        ProcessMemory.Heap heap = ProcessMemory.heapAfterFullGc(serverPid);
        long rss = ProcessMemory.rssKb(serverPid);
        Report.line("server %s, after a full GC: heap used %.1f MB (committed %.1f MB), resident %.1f MB%n%s",
                when, heap.usedMb(), heap.committedMb(), rss / 1024.0, heap.info());
        result.putObject(key).put("heapUsedAfterGcMb", heap.usedMb()).put("heapCommittedMb", heap.committedMb())
                .put("rssMb", rss / 1024.0).put("heapInfo", heap.info());
    }
}
