package io.tasklog.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Starts the local stack (the command given) N times, each time until its readiness probe answers UP, and reports
 * how long that took from the process' start, what the stack's own banner says, and after some idling the memory of
 * the whole stack: the JVM (and anything it runs as children) plus every PostgreSQL process of the data directory
 * (the postmaster detaches from the JVM, so it is found through {@code postmaster.pid}). Then stops the stack with
 * SIGTERM, as Ctrl-C does, and waits until PostgreSQL is gone before the next run.
 */
@Command(name = "StartupBench", mixinStandardHelpOptions = true,
        description = "Starts the local stack N times: process start -> ready, and the stack's idle memory (RSS, PSS).")
public final class StartupBench implements Callable<Integer> {

    private static final Pattern BANNER = Pattern.compile(
            "is up in ([\\d.]+) s\\s+\\(PostgreSQL ([\\d.]+) s, Kafka ([\\d.]+) s(?:, application ([\\d.]+) s)?\\)");

    @Mixin
    CommonOptions common;

    @Option(names = "--runs", defaultValue = "3", description = "measured starts (default: ${DEFAULT-VALUE})")
    int runs;

    @Option(names = "--data-dir", required = true,
            description = "the stack's data directory (given to it as TASKLOG_DATA_DIR)")
    Path dataDir;

    @Option(names = "--fresh", description = "delete the data directory before every start (default: keep it; if it"
            + " does not exist yet, one unmeasured start creates it)")
    boolean fresh;

    @Option(names = "--idle", defaultValue = "20", description = "seconds of idling after ready before memory is read (default: ${DEFAULT-VALUE})")
    int idleSeconds;

    @Option(names = "--ready-timeout", defaultValue = "180", description = "seconds (default: ${DEFAULT-VALUE})")
    int readyTimeoutSeconds;

    @Option(names = "--log", defaultValue = "startup-bench-stack.log", description = "the stack's output, appended (default: ${DEFAULT-VALUE})")
    Path log;

    @Parameters(arity = "1..*", paramLabel = "COMMAND", description = "the stack's command line, after --")
    List<String> command;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    public static void main(String[] args) {
        System.exit(new CommandLine(new StartupBench()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Report report = new Report("StartupBench", common.baseUrl);
        report.json().put("fresh", fresh).put("idleSeconds", idleSeconds).put("command", String.join(" ", command));
        dataDir = dataDir.toAbsolutePath().normalize();
        if (!fresh && !Files.exists(dataDir)) {
            Report.line("%s does not exist: one unmeasured start creates it", dataDir);
            run(0);
        }
        ArrayNode results = report.json().putArray("runs");
        List<Long> ready = new ArrayList<>();
        List<Long> stackPss = new ArrayList<>();
        List<Long> stackRss = new ArrayList<>();
        for (int i = 1; i <= runs; i++) {
            ObjectNode run = run(i);
            results.add(run);
            ready.add(run.get("readyMs").asLong());
            stackPss.add(run.get("stackPssKb").asLong());
            stackRss.add(run.get("stackRssKb").asLong());
        }
        Report.heading((fresh ? "fresh" : "warm (existing data directory)") + ", " + runs + " starts");
        Report.line("process start -> ready: median %.1f s (min %.1f, max %.1f)",
                median(ready) / 1000.0, min(ready) / 1000.0, max(ready) / 1000.0);
        Report.line("whole stack idle after %d s: PSS median %.0f MB, RSS median %.0f MB", idleSeconds,
                median(stackPss) / 1024.0, median(stackRss) / 1024.0);
        report.json().put("readyMedianMs", median(ready)).put("stackPssMedianMb", median(stackPss) / 1024.0)
                .put("stackRssMedianMb", median(stackRss) / 1024.0);
        report.finish(common.out);
        return 0;
    }

    /** One start, measured; run 0 is the unmeasured one that creates the data directory. */
    private ObjectNode run(int number) throws Exception {
        if (fresh) {
            deleteTree(dataDir);
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("TASKLOG_DATA_DIR", dataDir.toString());
        long start = System.nanoTime();
        Process stack = builder.start();
        CompletableFuture<String> banner = new CompletableFuture<>();
        Thread output = new Thread(() -> copyOutput(stack, number, banner), "stack-output");
        output.setDaemon(true);
        output.start();
        ObjectNode result = Api.object().put("run", number);
        try {
            long readyMs = awaitReady(stack, start);
            result.put("readyMs", readyMs);
            String line = banner.get(30, TimeUnit.SECONDS);
            Matcher m = BANNER.matcher(line);
            if (m.find()) {
                result.put("bannerUpS", Double.parseDouble(m.group(1))).put("postgresS", Double.parseDouble(m.group(2)))
                        .put("kafkaS", Double.parseDouble(m.group(3)));
                if (m.group(4) != null) {
                    result.put("applicationS", Double.parseDouble(m.group(4)));
                }
            }
            Thread.sleep(TimeUnit.SECONDS.toMillis(idleSeconds));
            memory(stack, result);
            Report.line("run %d: ready %.1f s after the process started (banner: %s); idle after %d s: JVM RSS %.0f MB"
                            + " / PSS %.0f MB, PostgreSQL (%d processes) RSS %.0f MB / PSS %.0f MB, whole stack RSS %.0f MB"
                            + " / PSS %.0f MB",
                    number, readyMs / 1000.0, m.find(0) ? m.group() : "?", idleSeconds,
                    result.get("jvmRssKb").asLong() / 1024.0, result.get("jvmPssKb").asLong() / 1024.0,
                    result.get("postgresProcesses").asInt(), result.get("postgresRssKb").asLong() / 1024.0,
                    result.get("postgresPssKb").asLong() / 1024.0, result.get("stackRssKb").asLong() / 1024.0,
                    result.get("stackPssKb").asLong() / 1024.0);
        } finally {
            stop(stack);
        }
        return result;
    }

    private void copyOutput(Process stack, int number, CompletableFuture<String> banner) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(stack.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8,
                     StandardOpenOption.CREATE, StandardOpenOption.APPEND))) {
            out.println("===== StartupBench run " + number + ": " + String.join(" ", command));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                out.println(line);
                if (BANNER.matcher(line).find()) {
                    banner.complete(line);
                }
            }
        } catch (IOException e) {
            banner.completeExceptionally(e);
        }
        banner.complete("(no banner)");
    }

    /** Milliseconds from the process' start until the readiness probe answers UP. */
    private long awaitReady(Process stack, long start) throws Exception {
        URI probe = URI.create(common.baseUrl + "/actuator/health/readiness");
        long deadline = start + TimeUnit.SECONDS.toNanos(readyTimeoutSeconds);
        while (System.nanoTime() < deadline) {
            if (!stack.isAlive()) {
                throw new IllegalStateException("the stack exited with " + stack.exitValue() + " before it was ready; see " + log);
            }
            try {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(probe).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200 && answer.body().contains("UP")) {
                    return (System.nanoTime() - start) / 1_000_000;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("not ready within " + readyTimeoutSeconds + " s; see " + log);
    }

    /** RSS and PSS of the JVM (with its children) and of every PostgreSQL process of the data directory. */
    private void memory(Process stack, ObjectNode result) {
        List<ProcessHandle> jvm = ProcessMemory.tree(stack.toHandle()).toList();
        List<ProcessHandle> postgres = postmaster().map(ProcessMemory::tree).orElseGet(Stream::empty)
                .filter(p -> jvm.stream().noneMatch(j -> j.pid() == p.pid())).toList();
        long jvmRss = sum(jvm, ProcessMemory::rssKb);
        long jvmPss = sum(jvm, ProcessMemory::pssKb);
        long pgRss = sum(postgres, ProcessMemory::rssKb);
        long pgPss = sum(postgres, ProcessMemory::pssKb);
        result.put("jvmRssKb", jvmRss).put("jvmPssKb", jvmPss).put("postgresProcesses", postgres.size())
                .put("postgresRssKb", pgRss).put("postgresPssKb", pgPss)
                .put("stackRssKb", jvmRss + pgRss).put("stackPssKb", jvmPss + pgPss);
    }

    private Optional<ProcessHandle> postmaster() {
        return ProcessMemory.postmaster(dataDir.resolve("postgres"));
    }

    private static long sum(List<ProcessHandle> processes, java.util.function.ToLongFunction<Long> kb) {
        return processes.stream().mapToLong(p -> Math.max(0, kb.applyAsLong(p.pid()))).sum();
    }

    /** SIGTERM (as Ctrl-C), then waits for the JVM and for PostgreSQL, which the JVM stops on its way out. */
    private void stop(Process stack) throws InterruptedException {
        Optional<ProcessHandle> postmaster = postmaster();
        stack.destroy();
        if (!stack.waitFor(90, TimeUnit.SECONDS)) {
            Report.line("!! the stack did not stop within 90 s; killing it");
            stack.destroyForcibly().waitFor();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (postmaster.map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get((sorted.size() - 1) / 2);
    }

    private static long min(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).min().orElse(0);
    }

    private static long max(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).max().orElse(0);
    }
}
