package io.tasklog.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * List queries over one user's large task list. Seeds (by default) 100,000 tasks with many requests in flight,
 * completes a share of them, waits until the read side has caught up (a final task with a unique word in its
 * title is findable with {@code q=}), then times every query shape {@code --repeats} times.
 */
@Command(name = "QueryAtScaleBench", mixinStandardHelpOptions = true,
        description = "Seed one user with many tasks, then time each GET /api/tasks query shape (median/p95).")
public final class QueryAtScaleBench implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = "--tasks", defaultValue = "100000", description = "tasks to seed (default: ${DEFAULT-VALUE})")
    int tasks;

    @Option(names = "--concurrency", defaultValue = "12", description = "seeding requests in flight (default: ${DEFAULT-VALUE})")
    int concurrency;

    @Option(names = "--complete-fraction", defaultValue = "0.1", description = "share of seeded tasks then completed (default: ${DEFAULT-VALUE})")
    double completeFraction;

    @Option(names = "--seed-only", description = "seed, wait for the read side, print how to rerun, and stop")
    boolean seedOnly;

    @Option(names = "--skip-seed", description = "do not seed: query the tasks of the user given by --token or --email/--password")
    boolean skipSeed;

    @Option(names = "--token", description = "bearer token of an already seeded user (with --skip-seed)")
    String token;

    @Option(names = "--email", description = "seed as / log in as this user (default: a fresh query-bench-…@bench.example)")
    String email;

    @Option(names = "--password", defaultValue = Api.PASSWORD, description = "password for --email (default: ${DEFAULT-VALUE})")
    String password;

    @Option(names = "--repeats", defaultValue = "20", description = "measured runs of each shape (default: ${DEFAULT-VALUE})")
    int repeats;

    @Option(names = "--pages", defaultValue = "20", description = "pages followed by the deep-pagination shapes (default: ${DEFAULT-VALUE})")
    int pages;

    @Option(names = "--limit", defaultValue = "50", description = "page size, limit= (default: ${DEFAULT-VALUE})")
    int limit;

    @Option(names = "--catch-up-timeout", defaultValue = "1800", description = "seconds to wait for the read side after seeding (default: ${DEFAULT-VALUE})")
    int catchUpTimeoutSeconds;

    public static void main(String[] args) {
        System.exit(new CommandLine(new QueryAtScaleBench()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Report report = new Report("QueryAtScaleBench", common.baseUrl);
        report.json().put("limit", limit).put("repeats", repeats).put("pages", pages);
        Api anonymous = common.api();
        Api user;
        if (skipSeed) {
            if (token != null) {
                user = anonymous.as(token);
            } else if (email != null) {
                user = anonymous.login(email, password);
            } else {
                Report.line("--skip-seed needs --token or --email (and --password)");
                return 2;
            }
        } else {
            if (email == null) {
                email = "query-bench-" + UUID.randomUUID().toString().substring(0, 12) + "@bench.example";
            }
            user = anonymous.register(email, password);
            ObjectNode seeding = new TaskSeeder(user, email, tasks, concurrency, completeFraction, common.seed,
                    catchUpTimeoutSeconds).seed();
            report.json().set("seeding", seeding);
            Report.line("");
            Report.line("rerun the queries without seeding:");
            Report.line("  --skip-seed --email %s --password %s", email, password);
            Report.line("  --skip-seed --token %s", user.token());
            if (!seeding.path("caughtUp").asBoolean()) {
                Report.line("!! the read side did not catch up; query timings would be of a partial list");
                report.finish(common.out);
                return 3;
            }
            if (seedOnly) {
                report.finish(common.out);
                return 0;
            }
        }

        Report.heading("query shapes: " + repeats + " runs each after 2 warm-up runs, limit=" + limit);
        List<Shape> shapes = shapes(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        ArrayNode results = report.json().putArray("shapes");
        Report.line("%-58s %9s %9s %9s %7s", "shape", "p50 ms", "p95 ms", "max ms", "items");
        Shape slowest = null;
        Summary slowestSummary = null;
        for (Shape shape : shapes) {
            Result result = measure(user, shape);
            Summary summary = result.samples.summary();
            Report.line("%-58s %9.2f %9.2f %9.2f %7s%s", shape.name, Summary.ms(summary.p50()), Summary.ms(summary.p95()),
                    Summary.ms(summary.max()), result.items, result.error == null ? "" : "  ERROR " + result.error);
            ObjectNode row = results.addObject();
            row.put("shape", shape.name).put("query", shape.query).put("items", result.items);
            row.set("latency", summary.toJson());
            if (result.error != null) {
                row.put("error", result.error);
            } else if (!shape.pages && (slowestSummary == null || summary.p50() > slowestSummary.p50())) {
                slowest = shape;
                slowestSummary = summary;
            }
        }
        if (slowest != null) {
            Report.line("");
            Report.line("slowest single-request shape by median: %s (p50 %.2f ms, p95 %.2f ms)  ?%s", slowest.name,
                    Summary.ms(slowestSummary.p50()), Summary.ms(slowestSummary.p95()), slowest.query);
            report.json().put("slowestShape", slowest.name);
        }
        report.finish(common.out);
        return 0;
    }

    // ---- shapes ----

    record Shape(String name, String query, boolean pages) {
    }

    private List<Shape> shapes(Instant now) {
        String week = now.plus(7, ChronoUnit.DAYS).toString();
        String month = now.plus(30, ChronoUnit.DAYS).toString();
        String lastWeek = now.minus(7, ChronoUnit.DAYS).toString();
        List<Shape> shapes = new ArrayList<>();
        single(shapes, "default (status=all, newest first)", Map.of());
        single(shapes, "status=open", Map.of("status", "open"));
        single(shapes, "status=completed", Map.of("status", "completed"));
        single(shapes, "priority=high", Map.of("priority", "high"));
        single(shapes, "priority=urgent (5 %)", Map.of("priority", "urgent"));
        single(shapes, "tag=work (common)", Map.of("tag", "work"));
        single(shapes, "tag=legal (rare)", Map.of("tag", "legal"));
        single(shapes, "dueBefore=+7d", Map.of("dueBefore", week));
        single(shapes, "dueAfter=+30d", Map.of("dueAfter", month));
        single(shapes, "dueAfter=-7d & dueBefore=+7d", Map.of("dueAfter", lastWeek, "dueBefore", week));
        single(shapes, "overdue=true", Map.of("overdue", "true"));
        single(shapes, "q=review (one word, ~3 % of titles)", Map.of("q", "review"));
        single(shapes, "q=budget meeting (two words)", Map.of("q", "budget meeting"));
        single(shapes, "q=nomatchzz (no hit)", Map.of("q", "nomatchzz"));
        single(shapes, "open & priority=high & tag=work", Map.of("status", "open", "priority", "high", "tag", "work"));
        single(shapes, "open & overdue & sort=due", Map.of("status", "open", "overdue", "true", "sort", "due"));
        single(shapes, "open & dueBefore=+7d & sort=due asc", Map.of("status", "open", "dueBefore", week, "sort", "due", "order", "asc"));
        single(shapes, "urgent & tag=home & q=review & sort=priority desc",
                Map.of("priority", "urgent", "tag", "home", "q", "review", "sort", "priority", "order", "desc"));
        single(shapes, "tag=work & q=plan & sort=title", Map.of("tag", "work", "q", "plan", "sort", "title"));
        for (String sort : List.of("due", "priority", "created", "updated", "title")) {
            for (String order : List.of("asc", "desc")) {
                single(shapes, "sort=" + sort + " " + order, Map.of("status", "all", "sort", sort, "order", order));
            }
        }
        shapes.add(new Shape(pages + " pages, sort=created (per run)", withLimit(Map.of("status", "all", "sort", "created")), true));
        shapes.add(new Shape(pages + " pages, open & sort=due asc (per run)", withLimit(Map.of("status", "open", "sort", "due", "order", "asc")), true));
        shapes.add(new Shape(pages + " pages, tag=work & sort=title (per run)", withLimit(Map.of("tag", "work", "sort", "title")), true));
        return shapes;
    }

    private void single(List<Shape> shapes, String name, Map<String, String> params) {
        shapes.add(new Shape(name, withLimit(params), false));
    }

    private String withLimit(Map<String, String> params) {
        Map<String, String> all = new LinkedHashMap<>(params);
        all.put("limit", Integer.toString(limit));
        return Api.query(all);
    }

    // ---- measuring ----

    static final class Result {
        final Samples samples = new Samples();
        String error;
        String items = "";
    }

    private Result measure(Api user, Shape shape) {
        Result result = new Result();
        for (int run = -2; run < repeats && result.error == null; run++) {
            long start = System.nanoTime();
            String cursor = null;
            int pagesRead = 0;
            int items = 0;
            boolean done = false;
            while (!done) {
                String query = cursor == null ? shape.query : shape.query + "&" + Api.query(Map.of("cursor", cursor));
                Api.Response response = user.send(user.get("/api/tasks?" + query));
                if (!response.ok()) {
                    result.error = response.status() + " " + response.shortBody();
                    return result;
                }
                JsonNode page = response.json();
                items += page.path("items").size();
                pagesRead++;
                cursor = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
                done = !shape.pages || cursor == null || pagesRead >= pages;
            }
            if (run >= 0) {
                result.samples.add(System.nanoTime() - start);
            }
            result.items = shape.pages ? items + "/" + pagesRead + "p" : Integer.toString(items);
        }
        return result;
    }
}
