package io.tasklog.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Command → live-update latency. U users, each with its own token and its own open {@code GET /api/stream},
 * send create ({@code POST /api/tasks}) and update ({@code PATCH /api/tasks/{id}}) commands.
 *
 * <p>Open-loop phase: commands are started at a fixed total rate R (round-robin over the users, not waiting
 * for earlier answers), first for a warm-up, then for the measured duration. For every 2xx answer the program
 * notes when it arrived and the task's id and version, and waits for a {@code task.changed} event for that task
 * with a version at least as high on that user's stream. accepted→SSE = event read − answer read;
 * sent→SSE = event read − request started; both on this JVM's monotonic clock. An answer whose event does not
 * arrive within {@code --lost-after} seconds counts as lost.
 *
 * <p>Closed-loop phase: each user sends its next command as soon as the last one is answered, for a fixed time;
 * the accepted commands per second is the maximum sustainable command rate with U clients.
 */
@Command(name = "StreamLatencyBench", mixinStandardHelpOptions = true,
        description = "accepted -> SSE task.changed latency at a fixed command rate, then max commands/s closed-loop.")
public final class StreamLatencyBench implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = {"-u", "--users"}, defaultValue = "20", description = "simulated users, each with its own stream (default: ${DEFAULT-VALUE})")
    int users;

    @Option(names = {"-r", "--rate"}, defaultValue = "100", description = "open-loop commands per second, all users together (default: ${DEFAULT-VALUE})")
    double rate;

    @Option(names = "--rates", split = ",", description = "a ladder instead of one rate: the open loop at each of these"
            + " commands/s in turn (e.g. 100,200,300,400,500), then the highest rate that held --ladder-p99 with nothing lost")
    List<Double> rates = new ArrayList<>();

    @Option(names = "--ladder-p99", defaultValue = "250", description = "accepted->SSE p99 (ms) a ladder step must hold (default: ${DEFAULT-VALUE})")
    double ladderP99Ms;

    @Option(names = {"-d", "--duration"}, defaultValue = "30", description = "measured open-loop seconds (default: ${DEFAULT-VALUE})")
    int durationSeconds;

    @Option(names = "--warmup", defaultValue = "5", description = "unmeasured open-loop seconds first (default: ${DEFAULT-VALUE})")
    int warmupSeconds;

    @Option(names = "--closed-duration", defaultValue = "30", description = "closed-loop seconds (default: ${DEFAULT-VALUE}; 0 skips the phase)")
    int closedSeconds;

    @Option(names = "--closed-users", description = "clients in the closed-loop phase (default: --users)")
    Integer closedUsers;

    @Option(names = "--create-fraction", defaultValue = "0.3", description = "share of commands that create a task; the rest patch one (default: ${DEFAULT-VALUE})")
    double createFraction;

    @Option(names = "--lost-after", defaultValue = "10", description = "seconds after which a missing event counts as lost (default: ${DEFAULT-VALUE})")
    int lostAfterSeconds;

    @Option(names = "--max-in-flight", defaultValue = "1000", description = "open loop: skip a tick when this many requests are unanswered (default: ${DEFAULT-VALUE})")
    int maxInFlight;

    public static void main(String[] args) {
        System.exit(new CommandLine(new StreamLatencyBench()).execute(args));
    }

    private long lostAfterNanos;

    @Override
    public Integer call() throws Exception {
        lostAfterNanos = TimeUnit.SECONDS.toNanos(lostAfterSeconds);
        Report report = new Report("StreamLatencyBench", common.baseUrl);
        report.json().put("users", users).put("rate", rate).put("durationSeconds", durationSeconds)
                .put("warmupSeconds", warmupSeconds).put("closedSeconds", closedSeconds)
                .put("createFraction", createFraction).put("lostAfterSeconds", lostAfterSeconds);
        Api anonymous = common.api();

        int userCount = Math.max(users, closedUsers == null ? users : closedUsers);
        Report.line("registering %d users and opening their streams on %s", userCount, common.baseUrl);
        List<StreamUser> all = new ArrayList<>();
        Random seeds = new Random(common.seed);
        for (int i = 0; i < userCount; i++) {
            all.add(new StreamUser(i, anonymous.registerNewUser("stream-bench"), new Random(seeds.nextLong()), lostAfterNanos));
        }
        int notConnected = 0;
        for (StreamUser user : all) {
            if (!user.sse.awaitConnected(Duration.ofSeconds(10))) {
                notConnected++;
                Report.line("user %d: stream not connected after 10 s (%s)", user.index, user.sse.lastError());
            }
        }
        if (notConnected == all.size()) {
            Report.line("no stream connected: is GET /api/stream served? stopping");
            return 2;
        }

        List<StreamUser> openUsers = all.subList(0, users);
        if (warmupSeconds > 0) {
            Report.heading(String.format("open-loop warm-up: %.0f commands/s for %d s", rate, warmupSeconds));
            StreamPhase warm = new StreamPhase("warmup", lostAfterSeconds);
            openLoop(openUsers, warm, warmupSeconds);
            drain(all, warm);
            warm.print();
        }

        List<StreamPhase> phases = new ArrayList<>();
        if (!rates.isEmpty()) {
            report.json().set("ladder", ladder(all, openUsers));
        } else {
            Report.heading(String.format("open loop: %.0f commands/s over %d users for %d s", rate, users, durationSeconds));
            StreamPhase open = new StreamPhase("open", lostAfterSeconds);
            phases.add(open);
            openLoop(openUsers, open, durationSeconds);
            drain(all, open);
            open.print();
            report.json().set("openLoop", open.toJson());
        }

        if (closedSeconds > 0) {
            int clients = closedUsers == null ? users : closedUsers;
            Report.heading(String.format("closed loop: %d users, each sends its next command when the last is answered, %d s",
                    clients, closedSeconds));
            StreamPhase closed = new StreamPhase("closed", lostAfterSeconds);
            phases.add(closed);
            closedLoop(all.subList(0, clients), closed, closedSeconds);
            drain(all, closed);
            closed.print();
            report.json().set("closedLoop", closed.toJson());
        }

        long lostTotal = phases.stream().mapToLong(p -> p.lost.get()).sum();
        if (lostTotal > 0) {
            Report.heading("lost events: waiting " + lostAfterSeconds + " s more to tell late from never");
            Thread.sleep(TimeUnit.SECONDS.toMillis(lostAfterSeconds));
            for (StreamPhase phase : phases) {
                Report.line("%-7s lost %d, of which arrived later %d, never arrived %d", phase.name, phase.lost.get(),
                        phase.arrivedAfterLimit.get(), phase.lost.get() - phase.arrivedAfterLimit.get());
                ((ObjectNode) report.json().path(phase.name.equals("open") ? "openLoop" : "closedLoop"))
                        .put("lostButArrivedLater", phase.arrivedAfterLimit.get());
            }
        }
        long reconnects = all.stream().mapToLong(u -> u.sse.reconnects()).sum();
        report.json().put("streamReconnects", reconnects);
        if (reconnects > 0) {
            Report.line("streams reconnected %d times (last error: %s)", reconnects,
                    all.stream().map(u -> u.sse.lastError()).filter(e -> e != null).findFirst().orElse("?"));
        }
        all.forEach(u -> u.sse.close());
        report.finish(common.out);
        return 0;
    }

    /**
     * The open loop at each rate of {@code --rates}, each drained before the next: where the read side stops
     * keeping up shows as a p99 that grows with every step (a backlog), or as events later than --lost-after.
     */
    private ArrayNode ladder(List<StreamUser> all, List<StreamUser> openUsers)
            throws InterruptedException {
        ArrayNode steps = Api.JSON.createArrayNode();
        List<String> lines = new ArrayList<>();
        Double held = null;
        for (double stepRate : rates) {
            rate = stepRate;
            Report.heading(String.format("ladder: %.0f commands/s over %d users for %d s", rate, users, durationSeconds));
            StreamPhase step = new StreamPhase("open", lostAfterSeconds);
            openLoop(openUsers, step, durationSeconds);
            drain(all, step);
            step.print();
            Summary sse = step.acceptedToSse.summary();
            boolean holds = step.lost.get() == 0 && step.errors.get() == 0 && step.skipped.get() == 0
                    && sse.count() > 0 && sse.p99() / 1e6 <= ladderP99Ms;
            held = holds ? Double.valueOf(stepRate) : held;
            steps.add(step.toJson().put("rate", stepRate).put("holds", holds));
            lines.add(String.format("%9.0f %9.1f %9.1f %9.1f %9.1f %6d %7d   %s", stepRate, step.accepted.get() / (double) durationSeconds,
                    sse.p50() / 1e6, sse.p99() / 1e6, step.http.summary().p99() / 1e6, step.lost.get(),
                    step.errors.get() + step.skipped.get(), holds ? "holds" : "-"));
        }
        Report.heading("ladder: accepted -> SSE by command rate (ms)");
        Report.line("%9s %9s %9s %9s %9s %6s %7s", "rate/s", "achieved", "SSE p50", "SSE p99", "HTTP p99", "lost", "errors");
        lines.forEach(Report::line);
        Report.line(held == null ? "no rate held p99 <= %.0f ms with nothing lost"
                : "highest rate that held p99 <= %.0f ms with nothing lost: " + String.format("%.0f/s", held), ladderP99Ms);
        return steps;
    }

    // ---- driving ----

    private void openLoop(List<StreamUser> users, StreamPhase phase, int seconds) {
        long interval = (long) (1_000_000_000L / rate);
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        for (long tick = 0; ; tick++) {
            long due = start + tick * interval;
            if (due >= end) {
                break;
            }
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            if (phase.inFlight.get() >= maxInFlight) {
                phase.skipped.incrementAndGet();
                continue;
            }
            StreamUser user = users.get((int) (tick % users.size()));
            StreamUser.Command command = user.nextCommand(createFraction);
            phase.sent.incrementAndGet();
            phase.inFlight.incrementAndGet();
            user.api.sendAsync(command.request()).thenAccept(response -> {
                phase.inFlight.decrementAndGet();
                user.answered(command, response, phase);
            });
        }
        phase.elapsedNanos = System.nanoTime() - start;
    }

    private void closedLoop(List<StreamUser> users, StreamPhase phase, int seconds) throws InterruptedException {
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        List<Thread> threads = new ArrayList<>();
        for (StreamUser user : users) {
            Thread thread = new Thread(() -> {
                while (System.nanoTime() < end) {
                    StreamUser.Command command = user.nextCommand(createFraction);
                    phase.sent.incrementAndGet();
                    user.answered(command, user.api.send(command.request()), phase);
                }
            }, "closed-" + user.index);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        phase.elapsedNanos = System.nanoTime() - start;
    }

    /** Waits for unanswered requests, then for outstanding events until each is older than --lost-after. */
    private void drain(List<StreamUser> users, StreamPhase phase) throws InterruptedException {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(common.httpTimeoutSeconds + 5L);
        while (phase.inFlight.get() > 0 && System.nanoTime() < giveUp) {
            Thread.sleep(20);
        }
        while (true) {
            int outstanding = 0;
            for (StreamUser user : users) {
                outstanding += user.expireOlderThan(phase, lostAfterNanos);
            }
            if (outstanding == 0) {
                break;
            }
            Thread.sleep(20);
        }
    }
}
