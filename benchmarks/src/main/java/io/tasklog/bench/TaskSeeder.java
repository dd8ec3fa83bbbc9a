package io.tasklog.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fills one user's list for {@link QueryAtScaleBench}: {@code tasks} tasks created by {@code concurrency} threads,
 * a share of them then completed, and waits until the read side has caught up (a marker task created last is
 * found by search). Returns what it did, for the report.
 */
final class TaskSeeder {

    private final Api user;
    private final String email;
    private final int tasks;
    private final int concurrency;
    private final double completeFraction;
    private final long seed;
    private final int catchUpTimeoutSeconds;

    TaskSeeder(Api user, String email, int tasks, int concurrency, double completeFraction, long seed,
            int catchUpTimeoutSeconds) {
        this.user = user;
        this.email = email;
        this.tasks = tasks;
        this.concurrency = concurrency;
        this.completeFraction = completeFraction;
        this.seed = seed;
        this.catchUpTimeoutSeconds = catchUpTimeoutSeconds;
    }

    ObjectNode seed() throws InterruptedException {
        Report.heading(String.format("seeding %d tasks as %s, %d in flight, %.0f %% then completed", tasks, email,
                concurrency, completeFraction * 100));
        AtomicInteger next = new AtomicInteger();
        AtomicLong created = new AtomicLong();
        AtomicLong completed = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        Map<Integer, String> errorExamples = new ConcurrentHashMap<>();
        Instant now = Instant.now();
        Random seeds = new Random(seed);
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            Random random = new Random(seeds.nextLong());
            Thread thread = new Thread(() -> {
                while (next.getAndIncrement() < tasks) {
                    Api.Response response = user.send(user.createTask(TaskGen.task(random, now)));
                    if (!response.ok()) {
                        errors.incrementAndGet();
                        errorExamples.putIfAbsent(response.status(), response.shortBody());
                        continue;
                    }
                    created.incrementAndGet();
                    if (random.nextDouble() < completeFraction) {
                        String id = response.json().path("id").asText();
                        Api.Response done = user.send(user.post("/api/tasks/" + id + "/complete", Api.object()));
                        if (done.ok()) {
                            completed.incrementAndGet();
                        } else {
                            errors.incrementAndGet();
                            errorExamples.putIfAbsent(done.status(), done.shortBody());
                        }
                    }
                }
            }, "seed-" + i);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
        long lastPrint = System.nanoTime();
        for (Thread thread : threads) {
            while (thread.isAlive()) {
                thread.join(1000);
                if (System.nanoTime() - lastPrint > 10_000_000_000L) {
                    lastPrint = System.nanoTime();
                    double seconds = (lastPrint - start) / 1e9;
                    Report.line("  %,d created (%.0f/s), %,d completed, %d errors", created.get(), created.get() / seconds,
                            completed.get(), errors.get());
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Report.line("seeded %,d tasks in %.1f s: %.1f creates/s (%.1f commands/s with %,d completes), %d errors",
                created.get(), seconds, created.get() / seconds, (created.get() + completed.get()) / seconds,
                completed.get(), errors.get());
        if (!errorExamples.isEmpty()) {
            Report.line("errors by status: %s", errorExamples);
        }
        ObjectNode seeding = Api.object();
        seeding.put("email", email);
        seeding.put("created", created.get()).put("completed", completed.get()).put("errors", errors.get());
        seeding.put("seconds", Summary.round(seconds));
        seeding.put("createsPerSecond", Summary.round(created.get() / seconds));
        seeding.put("concurrency", concurrency);

        // The read side is eventually consistent: wait until a task created after all others is searchable.
        String marker = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        ObjectNode last = Api.object();
        last.put("title", "benchmark marker " + marker);
        last.putArray("tags").add("benchmark");
        Api.Response markerResponse = user.send(user.createTask(last));
        if (!markerResponse.ok()) {
            Report.line("could not create the marker task: %d %s", markerResponse.status(), markerResponse.shortBody());
            seeding.put("caughtUp", false);
            return seeding;
        }
        String markerId = markerResponse.json().path("id").asText();
        long waitStart = System.nanoTime();
        long deadline = waitStart + Duration.ofSeconds(catchUpTimeoutSeconds).toNanos();
        boolean found = false;
        long lastReport = waitStart;
        int failuresInARow = 0;
        while (!found && System.nanoTime() < deadline) {
            Api.Response page = user.send(user.get("/api/tasks?" + Api.query(Map.of("status", "all", "q", marker, "limit", "5"))));
            failuresInARow = page.ok() ? 0 : failuresInARow + 1;
            if (failuresInARow >= 120) {
                Report.line("!! GET /api/tasks failed 120 times in a row (last: %d %s); giving up", page.status(), page.shortBody());
                break;
            }
            for (JsonNode item : page.json().path("items")) {
                found |= markerId.equals(item.path("id").asText());
            }
            if (!found) {
                if (System.nanoTime() - lastReport > 15_000_000_000L) {
                    lastReport = System.nanoTime();
                    Report.line("  waiting for the read side: marker not yet found after %.0f s (last answer %d)",
                            (lastReport - waitStart) / 1e9, page.status());
                }
                Thread.sleep(500);
            }
        }
        double caughtUp = (System.nanoTime() - waitStart) / 1e9;
        Report.line(found ? "read side caught up %.1f s after seeding ended (marker found with q=%s)"
                : "read side NOT caught up after %.0f s (marker q=%s never found)", caughtUp, marker);
        seeding.put("caughtUp", found);
        seeding.put("catchUpSeconds", Summary.round(caughtUp));
        return seeding;
    }
}
