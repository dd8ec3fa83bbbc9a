package io.tasklog.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Latency of {@code POST /api/tasks}: one fresh user, a warm-up, then N creates one after another, then
 * N creates from C concurrent clients (closed loop, each sends its next request when its last one answered).
 * Latency = request handed to the HTTP client → response body read, in this JVM.
 */
@Command(name = "WriteLatencyBench", mixinStandardHelpOptions = true,
        description = "POST /api/tasks latency (median, p90, p99, max) and throughput, sequential and concurrent.")
public final class WriteLatencyBench implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = {"-n", "--requests"}, defaultValue = "2000", description = "measured requests per phase (default: ${DEFAULT-VALUE})")
    int requests;

    @Option(names = {"-c", "--concurrency"}, defaultValue = "4", description = "clients in the concurrent phase (default: ${DEFAULT-VALUE}; 0 skips it)")
    int concurrency;

    @Option(names = "--warmup", defaultValue = "200", description = "unmeasured requests first (default: ${DEFAULT-VALUE})")
    int warmup;

    public static void main(String[] args) {
        System.exit(new CommandLine(new WriteLatencyBench()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Report report = new Report("WriteLatencyBench", common.baseUrl);
        report.json().put("requests", requests).put("concurrency", concurrency).put("warmup", warmup);
        Api user = common.api().registerNewUser("write-bench");
        Report.line("registered a fresh user; %d warm-up requests, then %d sequential and %d with %d clients against %s",
                warmup, requests, requests, concurrency, common.baseUrl);
        Random random = new Random(common.seed);

        Phase warm = run(user, warmup, 1, random);
        Report.line("warm-up: %d requests, %d errors", warmup, warm.errors);
        if (warmup > 0 && warm.errors == warmup) {
            Report.line("every warm-up request failed (%s); stopping", warm.firstError);
            return 2;
        }

        Report.heading("sequential (1 client, " + requests + " requests)");
        Phase sequential = run(user, requests, 1, random);
        sequential.print();
        report.json().set("sequential", sequential.toJson());

        if (concurrency > 0) {
            Report.heading("concurrent (" + concurrency + " clients, " + requests + " requests)");
            Phase concurrent = run(user, requests, concurrency, random);
            concurrent.print();
            report.json().set("concurrent", concurrent.toJson());
        }
        report.finish(common.out);
        return 0;
    }

    private static Phase run(Api user, int total, int clients, Random seedSource) throws InterruptedException {
        List<Random> randoms = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            randoms.add(new Random(seedSource.nextLong()));
        }
        AtomicInteger next = new AtomicInteger();
        return closedLoop(randoms, () -> next.getAndIncrement() < total,
                random -> user.send(user.createTask(TaskGen.simpleTask(random))));
    }

    /**
     * One thread per client, each sending its next request as soon as its last one is answered, while {@code more}
     * says so; 2xx answers are timed, others counted as errors (one example body per status).
     */
    static <C> Phase closedLoop(List<C> clients, BooleanSupplier more, Function<C, Api.Response> operation)
            throws InterruptedException {
        Samples samples = new Samples();
        AtomicInteger requests = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        ConcurrentHashMap<Integer, String> statusExamples = new ConcurrentHashMap<>();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (C client : clients) {
            Thread thread = new Thread(() -> {
                while (more.getAsBoolean()) {
                    Api.Response response = operation.apply(client);
                    requests.incrementAndGet();
                    if (response.ok()) {
                        samples.add(response.latencyNanos());
                    } else {
                        errors.incrementAndGet();
                        statusExamples.putIfAbsent(response.status(), response.shortBody());
                    }
                }
            }, "client-" + threads.size());
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return new Phase(clients.size(), requests.get(), samples.summary(), errors.get(), System.nanoTime() - start,
                statusExamples.isEmpty() ? null : statusExamples.toString());
    }

    record Phase(int clients, int requests, Summary latency, int errors, long elapsedNanos, String firstError) {

        double throughput() {
            return (requests - errors) / (elapsedNanos / 1e9);
        }

        void print() {
            Report.line("latency     %s", latency.format());
            Report.line("throughput  %.1f created/s  (%d ok, %d errors, %.2f s wall)", throughput(), requests - errors,
                    errors, elapsedNanos / 1e9);
            if (firstError != null) {
                Report.line("errors by status: %s", firstError);
            }
        }

        ObjectNode toJson() {
            ObjectNode node = Api.object();
            node.put("clients", clients);
            node.put("requests", requests);
            node.put("errors", errors);
            node.put("wallSeconds", Summary.round(elapsedNanos / 1e9));
            node.put("throughputPerSecond", Summary.round(throughput()));
            node.set("latency", latency.toJson());
            return node;
        }
    }
}
