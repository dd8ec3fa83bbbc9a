package io.tasklog.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
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
        List<SimUser> all = new ArrayList<>();
        Random seeds = new Random(common.seed);
        for (int i = 0; i < userCount; i++) {
            all.add(new SimUser(i, anonymous.registerNewUser("stream-bench"), new Random(seeds.nextLong())));
        }
        int notConnected = 0;
        for (SimUser user : all) {
            if (!user.sse.awaitConnected(Duration.ofSeconds(10))) {
                notConnected++;
                Report.line("user %d: stream not connected after 10 s (%s)", user.index, user.sse.lastError());
            }
        }
        if (notConnected == all.size()) {
            Report.line("no stream connected: is GET /api/stream served? stopping");
            return 2;
        }

        List<SimUser> openUsers = all.subList(0, users);
        if (warmupSeconds > 0) {
            Report.heading(String.format("open-loop warm-up: %.0f commands/s for %d s", rate, warmupSeconds));
            Phase warm = new Phase("warmup", lostAfterSeconds);
            openLoop(openUsers, warm, warmupSeconds);
            drain(all, warm);
            warm.print();
        }

        Report.heading(String.format("open loop: %.0f commands/s over %d users for %d s", rate, users, durationSeconds));
        Phase open = new Phase("open", lostAfterSeconds);
        List<Phase> phases = new ArrayList<>(List.of(open));
        openLoop(openUsers, open, durationSeconds);
        drain(all, open);
        open.print();
        report.json().set("openLoop", open.toJson());

        if (closedSeconds > 0) {
            int clients = closedUsers == null ? users : closedUsers;
            Report.heading(String.format("closed loop: %d users, each sends its next command when the last is answered, %d s",
                    clients, closedSeconds));
            Phase closed = new Phase("closed", lostAfterSeconds);
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
            for (Phase phase : phases) {
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

    // ---- driving ----

    private void openLoop(List<SimUser> users, Phase phase, int seconds) {
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
            SimUser user = users.get((int) (tick % users.size()));
            Command command = user.nextCommand(createFraction);
            phase.sent.incrementAndGet();
            phase.inFlight.incrementAndGet();
            user.api.sendAsync(command.request).thenAccept(response -> {
                phase.inFlight.decrementAndGet();
                user.answered(command, response, phase);
            });
        }
        phase.elapsedNanos = System.nanoTime() - start;
    }

    private void closedLoop(List<SimUser> users, Phase phase, int seconds) throws InterruptedException {
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        List<Thread> threads = new ArrayList<>();
        for (SimUser user : users) {
            Thread thread = new Thread(() -> {
                while (System.nanoTime() < end) {
                    Command command = user.nextCommand(createFraction);
                    phase.sent.incrementAndGet();
                    user.answered(command, user.api.send(command.request), phase);
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
    private void drain(List<SimUser> users, Phase phase) throws InterruptedException {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(common.httpTimeoutSeconds + 5L);
        while (phase.inFlight.get() > 0 && System.nanoTime() < giveUp) {
            Thread.sleep(20);
        }
        while (true) {
            int outstanding = 0;
            for (SimUser user : users) {
                outstanding += user.expireOlderThan(phase, lostAfterNanos);
            }
            if (outstanding == 0) {
                break;
            }
            Thread.sleep(20);
        }
    }

    // ---- bookkeeping ----

    record Command(Kind kind, String taskId, HttpRequest request) {
    }

    enum Kind { CREATE, PATCH }

    record Pending(long version, long sentNanos, long acceptedNanos, Phase phase) {
    }

    final class SimUser {
        final int index;
        final Api api;
        final SseClient sse;
        private final Random random;
        private final Object lock = new Object();
        private final List<String> tasks = new ArrayList<>();
        private final Set<String> busy = new HashSet<>();
        private final Map<String, List<Pending>> pending = new HashMap<>();
        /** Items counted as lost, kept to notice events that arrive after all (counted as arrivedAfterLimit). */
        private final Map<String, List<Pending>> lostItems = new HashMap<>();
        /** taskId → version → when its task.changed event was read (first time). */
        private final Map<String, TreeMap<Long, Long>> seen = new HashMap<>();

        SimUser(int index, Api api, Random random) {
            this.index = index;
            this.api = api;
            this.random = random;
            this.sse = new SseClient(api, "user-" + index, this::onEvent).start();
        }

        Command nextCommand(double createShare) {
            synchronized (lock) {
                if (tasks.size() - busy.size() >= 3 && random.nextDouble() >= createShare) {
                    for (int attempt = 0; attempt < 10; attempt++) {
                        String id = tasks.get(random.nextInt(tasks.size()));
                        if (busy.add(id)) {
                            ObjectNode patch = Api.object();
                            patch.put("title", TaskGen.title(random, 2, 5));
                            if (random.nextBoolean()) {
                                patch.put("priority", TaskGen.priority(random));
                            }
                            return new Command(Kind.PATCH, id, api.patchTask(id, patch));
                        }
                    }
                }
                return new Command(Kind.CREATE, null, api.createTask(TaskGen.simpleTask(random)));
            }
        }

        void answered(Command command, Api.Response response, Phase phase) {
            phase.http.add(response.latencyNanos());
            JsonNode body = response.ok() ? response.json() : null;
            String taskId = body == null ? null : body.path("id").asText(null);
            long version = body == null ? -1 : body.path("version").asLong(-1);
            synchronized (lock) {
                if (command.kind == Kind.PATCH) {
                    busy.remove(command.taskId);
                }
                if (!response.ok() || taskId == null || version < 0) {
                    phase.errors.incrementAndGet();
                    phase.errorExamples.putIfAbsent(response.status(), response.shortBody());
                    return;
                }
                phase.accepted.incrementAndGet();
                if (command.kind == Kind.CREATE) {
                    tasks.add(taskId);
                }
                Pending item = new Pending(version, response.sentNanos(), response.doneNanos(), phase);
                TreeMap<Long, Long> versions = seen.get(taskId);
                Long arrival = null;
                if (versions != null) {
                    for (Long at : versions.tailMap(version, true).values()) {
                        arrival = arrival == null ? at : Math.min(arrival, at);
                    }
                }
                if (arrival != null) {
                    record(item, arrival);
                } else {
                    pending.computeIfAbsent(taskId, k -> new ArrayList<>()).add(item);
                }
            }
        }

        private void onEvent(SseEvent event) {
            if (!"task.changed".equals(event.event())) {
                return;
            }
            JsonNode data = event.json();
            String taskId = data.path("taskId").asText(null);
            long version = data.path("version").asLong(-1);
            if (taskId == null || version < 0) {
                return;
            }
            synchronized (lock) {
                seen.computeIfAbsent(taskId, k -> new TreeMap<>()).putIfAbsent(version, event.receivedNanos());
                List<Pending> gone = lostItems.get(taskId);
                if (gone != null) {
                    gone.removeIf(item -> {
                        boolean matches = item.version <= version;
                        if (matches) {
                            item.phase.arrivedAfterLimit.incrementAndGet();
                        }
                        return matches;
                    });
                }
                List<Pending> waiting = pending.get(taskId);
                if (waiting == null) {
                    return;
                }
                for (Iterator<Pending> it = waiting.iterator(); it.hasNext(); ) {
                    Pending item = it.next();
                    if (item.version <= version) {
                        it.remove();
                        record(item, event.receivedNanos());
                    }
                }
                if (waiting.isEmpty()) {
                    pending.remove(taskId);
                }
            }
        }

        private void record(Pending item, long arrivalNanos) {
            Phase phase = item.phase;
            long acceptedToSse = arrivalNanos - item.acceptedNanos;
            if (acceptedToSse > lostAfterNanos) {
                phase.lost.incrementAndGet();
                return;
            }
            if (acceptedToSse < 0) {
                phase.eventBeforeAnswer.incrementAndGet();
            }
            phase.delivered.incrementAndGet();
            phase.acceptedToSse.add(Math.max(0, acceptedToSse));
            phase.sentToSse.add(arrivalNanos - item.sentNanos);
        }

        /** Counts pending items of the phase older than the limit as lost; returns how many are still waiting. */
        int expireOlderThan(Phase phase, long limitNanos) {
            long now = System.nanoTime();
            int waiting = 0;
            synchronized (lock) {
                for (Iterator<Map.Entry<String, List<Pending>>> lists = pending.entrySet().iterator(); lists.hasNext(); ) {
                    Map.Entry<String, List<Pending>> entry = lists.next();
                    List<Pending> items = entry.getValue();
                    for (Iterator<Pending> it = items.iterator(); it.hasNext(); ) {
                        Pending item = it.next();
                        if (item.phase != phase) {
                            continue;
                        }
                        if (now - item.acceptedNanos > limitNanos) {
                            it.remove();
                            phase.lost.incrementAndGet();
                            lostItems.computeIfAbsent(entry.getKey(), k -> new ArrayList<>()).add(item);
                        } else {
                            waiting++;
                        }
                    }
                    if (items.isEmpty()) {
                        lists.remove();
                    }
                }
            }
            return waiting;
        }
    }

    static final class Phase {
        final String name;
        final AtomicLong sent = new AtomicLong();
        final AtomicLong accepted = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        final AtomicLong skipped = new AtomicLong();
        final AtomicLong delivered = new AtomicLong();
        final AtomicLong lost = new AtomicLong();
        final AtomicLong eventBeforeAnswer = new AtomicLong();
        final AtomicLong arrivedAfterLimit = new AtomicLong();
        final AtomicInteger inFlight = new AtomicInteger();
        final Map<Integer, String> errorExamples = new ConcurrentHashMap<>();
        final Samples http = new Samples();
        final Samples acceptedToSse = new Samples();
        final Samples sentToSse = new Samples();
        final int lostAfterSeconds;
        volatile long elapsedNanos;

        Phase(String name, int lostAfterSeconds) {
            this.name = name;
            this.lostAfterSeconds = lostAfterSeconds;
        }

        double seconds() {
            return elapsedNanos / 1e9;
        }

        void print() {
            Report.line("commands    sent %d, accepted %d (%.1f/s achieved), errors %d, skipped %d (in-flight cap)",
                    sent.get(), accepted.get(), accepted.get() / seconds(), errors.get(), skipped.get());
            if (!errorExamples.isEmpty()) {
                Report.line("errors by status: %s", errorExamples);
            }
            Report.line("HTTP        %s", http.summary().format());
            Report.line("accepted→SSE %s", acceptedToSse.summary().format());
            Report.line("sent→SSE    %s", sentToSse.summary().format());
            Report.line("events      delivered %d, lost %d (not within %d s), event read before its HTTP answer %d",
                    delivered.get(), lost.get(), lostAfterSeconds, eventBeforeAnswer.get());
            if (arrivedAfterLimit.get() > 0) {
                Report.line("            of the lost, %d arrived later after all (so far)", arrivedAfterLimit.get());
            }
            if (accepted.get() > 0 && delivered.get() == 0) {
                Report.line("!! NO task.changed event matched any accepted command: the stream delivered nothing usable");
            }
        }

        ObjectNode toJson() {
            ObjectNode node = Api.object();
            node.put("seconds", Summary.round(seconds()));
            node.put("sent", sent.get());
            node.put("accepted", accepted.get());
            node.put("achievedPerSecond", Summary.round(accepted.get() / seconds()));
            node.put("errors", errors.get());
            node.put("skipped", skipped.get());
            node.put("delivered", delivered.get());
            node.put("lost", lost.get());
            node.put("eventBeforeAnswer", eventBeforeAnswer.get());
            node.put("lostButArrivedLater", arrivedAfterLimit.get());
            node.set("http", http.summary().toJson());
            node.set("acceptedToSse", acceptedToSse.summary().toJson());
            node.set("sentToSse", sentToSse.summary().toJson());
            return node;
        }
    }
}
