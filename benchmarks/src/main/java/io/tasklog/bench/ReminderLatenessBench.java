package io.tasklog.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * How late "overdue" reminders reach the browser. Creates K tasks (over a few users) whose due times are
 * spread over a short window starting a little in the future, with {@code remindBeforeMinutes: 0}, keeps each
 * user's stream open, and for each {@code notification.created} event of type "overdue" records
 * lateness = when the event was read (wall clock of this machine) − the task's dueAt.
 * Run it on the same machine as the server, or with synchronised clocks.
 */
@Command(name = "ReminderLatenessBench", mixinStandardHelpOptions = true,
        description = "Lateness of overdue notification.created events over SSE against each task's dueAt (goal: p99 <= 1 s).")
public final class ReminderLatenessBench implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = {"-k", "--tasks"}, defaultValue = "500", description = "tasks with a deadline (default: ${DEFAULT-VALUE})")
    int tasks;

    @Option(names = {"-u", "--users"}, defaultValue = "1", description = "users the tasks are spread over (default: ${DEFAULT-VALUE})")
    int users;

    @Option(names = "--lead", defaultValue = "45", description = "seconds from start to the first dueAt (default: ${DEFAULT-VALUE})")
    int leadSeconds;

    @Option(names = "--spread", defaultValue = "30", description = "seconds the dueAt values are spread over (default: ${DEFAULT-VALUE})")
    int spreadSeconds;

    @Option(names = "--grace", defaultValue = "30", description = "seconds after a dueAt before its reminder counts as missing (default: ${DEFAULT-VALUE})")
    int graceSeconds;

    @Option(names = "--concurrency", defaultValue = "8", description = "create requests in flight (default: ${DEFAULT-VALUE})")
    int concurrency;

    @Option(names = "--goal-p99-ms", defaultValue = "1000", description = "p99 goal for the PASS/FAIL line (default: ${DEFAULT-VALUE})")
    long goalP99Ms;

    public static void main(String[] args) {
        System.exit(new CommandLine(new ReminderLatenessBench()).execute(args));
    }

    /** taskId → dueAt for every task created; filled before most reminders fire. */
    private final Map<String, Instant> dueAt = new ConcurrentHashMap<>();
    /** taskId → first overdue notification's arrival (wall clock). */
    private final Map<String, Instant> overdueArrival = new ConcurrentHashMap<>();
    /** Overdue notifications whose task was not (yet) known, kept to match later. */
    private final Map<String, Instant> unmatched = new ConcurrentHashMap<>();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong upcoming = new AtomicLong();
    private final AtomicLong otherNotifications = new AtomicLong();

    @Override
    public Integer call() throws Exception {
        Report report = new Report("ReminderLatenessBench", common.baseUrl);
        report.json().put("tasks", tasks).put("users", users).put("leadSeconds", leadSeconds)
                .put("spreadSeconds", spreadSeconds).put("graceSeconds", graceSeconds);
        Api anonymous = common.api();
        List<Api> accounts = new ArrayList<>();
        List<SseClient> streams = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            Api user = anonymous.registerNewUser("reminder-bench");
            accounts.add(user);
            streams.add(new SseClient(user, "reminders-" + i, this::onEvent).start());
        }
        for (SseClient stream : streams) {
            if (!stream.awaitConnected(Duration.ofSeconds(10))) {
                Report.line("a stream did not connect within 10 s (%s); stopping", stream.lastError());
                return 2;
            }
        }

        Instant first = Instant.now().plusSeconds(leadSeconds);
        Instant last = first.plusMillis(spreadSeconds * 1000L);
        Report.line("%d users, streams open; creating %d tasks due between %s and %s (remindBeforeMinutes 0)",
                users, tasks, first, last);
        long createStart = System.nanoTime();
        int errors = create(accounts, first);
        double createSeconds = (System.nanoTime() - createStart) / 1e9;
        Instant created = Instant.now();
        Report.line("created %d tasks in %.1f s (%d errors)%s", dueAt.size(), createSeconds, errors,
                created.isAfter(first) ? "  !! creation ended after the first dueAt: raise --lead" : "");
        unmatched.forEach((taskId, at) -> {
            if (dueAt.containsKey(taskId)) {
                overdueArrival.putIfAbsent(taskId, at);
            }
        });

        // Wait until every reminder arrived or the grace period after the last dueAt is over.
        Instant deadline = last.plusSeconds(graceSeconds);
        long lastPrint = System.nanoTime();
        while (Instant.now().isBefore(deadline) && overdueArrival.size() < dueAt.size()) {
            Thread.sleep(200);
            if (System.nanoTime() - lastPrint > 10_000_000_000L) {
                lastPrint = System.nanoTime();
                long secondsToFirst = Duration.between(Instant.now(), first).toSeconds();
                Report.line("  %d/%d overdue reminders received%s", overdueArrival.size(), dueAt.size(),
                        secondsToFirst > 0 ? " (first dueAt in " + secondsToFirst + " s)" : "");
            }
        }
        streams.forEach(SseClient::close);

        Samples lateness = new Samples();
        int early = 0;
        int missing = 0;
        long earliestEarlyMs = 0;
        for (Map.Entry<String, Instant> task : dueAt.entrySet()) {
            Instant arrival = overdueArrival.get(task.getKey());
            if (arrival == null || arrival.isAfter(task.getValue().plusSeconds(graceSeconds))) {
                missing++;
                continue;
            }
            long nanos = Duration.between(task.getValue(), arrival).toNanos();
            if (nanos < 0) {
                early++;
                earliestEarlyMs = Math.min(earliestEarlyMs, nanos / 1_000_000);
            }
            lateness.add(nanos);
        }
        Summary summary = lateness.summary();
        Report.heading("overdue reminder lateness (event read − dueAt)");
        Report.line("lateness    %s", summary.format());
        Report.line("reminders   %d of %d arrived within dueAt + %d s, %d missing, %d early (earliest %d ms), "
                        + "%d duplicates, %d 'upcoming' and %d other notifications",
                summary.count(), dueAt.size(), graceSeconds, missing, early, earliestEarlyMs, duplicates.get(),
                upcoming.get(), otherNotifications.get());
        long reconnects = streams.stream().mapToLong(SseClient::reconnects).sum();
        if (reconnects > 0) {
            Report.line("streams reconnected %d times: reminders sent while disconnected may be missing", reconnects);
        }
        if (summary.isEmpty()) {
            Report.line("!! NO overdue notification.created event arrived: reminders are not implemented, the deadline"
                    + " scheduler is not running, or notifications are not sent on /api/stream");
        } else {
            boolean pass = summary.p99() <= goalP99Ms * 1_000_000L && missing == 0;
            Report.line("goal p99 <= %d ms with none missing: %s", goalP99Ms, pass ? "PASS" : "FAIL");
            report.json().put("goalMet", pass);
        }
        report.json().set("lateness", summary.toJson());
        report.json().put("received", summary.count()).put("missing", missing).put("early", early)
                .put("duplicates", duplicates.get()).put("upcoming", upcoming.get())
                .put("createErrors", errors).put("createSeconds", Summary.round(createSeconds))
                .put("streamReconnects", reconnects);
        report.finish(common.out);
        return 0;
    }

    private int create(List<Api> accounts, Instant first) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        Map<Integer, String> examples = new ConcurrentHashMap<>();
        Random seeds = new Random(common.seed);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < concurrency; c++) {
            Random random = new Random(seeds.nextLong());
            Thread thread = new Thread(() -> {
                int i;
                while ((i = next.getAndIncrement()) < tasks) {
                    Api user = accounts.get(i % accounts.size());
                    Instant due = first.plusMillis(tasks <= 1 ? 0 : (long) i * spreadSeconds * 1000L / (tasks - 1));
                    ObjectNode body = TaskGen.simpleTask(random);
                    body.put("title", "reminder " + i + " " + body.path("title").asText());
                    body.put("dueAt", due.toString());
                    body.put("remindBeforeMinutes", 0);
                    Api.Response response = user.send(user.createTask(body));
                    String id = response.ok() ? response.json().path("id").asText(null) : null;
                    if (id == null) {
                        errors.incrementAndGet();
                        examples.putIfAbsent(response.status(), response.shortBody());
                    } else {
                        dueAt.put(id, due);
                        Instant early = unmatched.remove(id);
                        if (early != null) {
                            overdueArrival.putIfAbsent(id, early);
                        }
                    }
                }
            }, "create-" + c);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (!examples.isEmpty()) {
            Report.line("create errors by status: %s", examples);
        }
        return errors.get();
    }

    private void onEvent(SseEvent event) {
        if (!"notification.created".equals(event.event())) {
            return;
        }
        JsonNode notification = event.json().path("notification");
        String type = notification.path("type").asText("");
        String taskId = notification.path("taskId").asText(null);
        if ("upcoming".equals(type)) {
            upcoming.incrementAndGet();
            return;
        }
        if (!"overdue".equals(type) || taskId == null) {
            otherNotifications.incrementAndGet();
            return;
        }
        if (!dueAt.containsKey(taskId)) {
            // the create answer has not been processed yet (or it is not one of ours)
            if (unmatched.putIfAbsent(taskId, event.receivedAt()) != null) {
                duplicates.incrementAndGet();
            }
            return;
        }
        if (overdueArrival.putIfAbsent(taskId, event.receivedAt()) != null) {
            duplicates.incrementAndGet();
        }
    }
}
