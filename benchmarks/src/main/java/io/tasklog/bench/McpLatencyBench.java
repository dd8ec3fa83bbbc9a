package io.tasklog.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * MCP tool call latency next to the same operation over REST, in one run, as one user: create_task vs
 * {@code POST /api/tasks} and list_tasks vs {@code GET /api/tasks} (the first page of 50). The four operations take
 * turns (create over MCP, over REST, list over MCP, over REST, again), so drift in the machine's load hits all
 * alike. Latency = call handed to the client → answer parsed, in this JVM; the MCP client is the official Java
 * SDK over streamable HTTP, in one session opened before the clock starts.
 */
@Command(name = "McpLatencyBench", mixinStandardHelpOptions = true,
        description = "MCP tool call latency (create_task, list_tasks) beside the same REST calls: p50, p90, p99, max.")
public final class McpLatencyBench implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = {"-n", "--rounds"}, defaultValue = "1000", description = "measured rounds, each one call of every kind (default: ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--warmup", defaultValue = "200", description = "unmeasured rounds first (default: ${DEFAULT-VALUE})")
    int warmup;

    public static void main(String[] args) {
        System.exit(new CommandLine(new McpLatencyBench()).execute(args));
    }

    @Override
    public Integer call() {
        Report report = new Report("McpLatencyBench", common.baseUrl);
        report.json().put("rounds", rounds).put("warmup", warmup);
        Api user = common.api().registerNewUser("mcp-bench");
        Random random = new Random(common.seed);
        try (McpSyncClient mcp = connect(user)) {
            Report.line("registered a fresh user, opened an MCP session; %d warm-up rounds, then %d measured, against %s",
                    warmup, rounds, common.baseUrl);
            measure(user, mcp, warmup, random);
            Map<String, Samples> samples = measure(user, mcp, rounds, random);
            Report.heading("latency (" + rounds + " calls each)");
            ObjectNode latency = report.section("latency");
            samples.forEach((operation, values) -> {
                Summary summary = values.summary();
                Report.line("%-24s %s", operation, summary.format());
                latency.set(operation, summary.toJson());
            });
        }
        report.finish(common.out);
        return 0;
    }

    private McpSyncClient connect(Api user) {
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(common.baseUrl)
                .endpoint("/mcp")
                .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + user.token()))
                .build();
        McpSyncClient client = McpClient.sync(transport)
                .clientInfo(new McpSchema.Implementation("tasklog-mcp-bench", "1.0"))
                .requestTimeout(Duration.ofSeconds(common.httpTimeoutSeconds))
                .build();
        client.initialize();
        return client;
    }

    private static Map<String, Samples> measure(Api user, McpSyncClient mcp, int count, Random random) {
        Map<String, Samples> samples = new LinkedHashMap<>();
        for (String operation : new String[] {"create_task (MCP)", "POST /api/tasks", "list_tasks (MCP)", "GET /api/tasks"}) {
            samples.put(operation, new Samples());
        }
        for (int i = 0; i < count; i++) {
            ObjectNode task = TaskGen.simpleTask(random);
            time(samples.get("create_task (MCP)"), () -> tool(mcp, "create_task", Api.JSON.convertValue(task, Map.class)));
            time(samples.get("POST /api/tasks"), () -> rest(user, user.createTask(TaskGen.simpleTask(random))));
            time(samples.get("list_tasks (MCP)"), () -> tool(mcp, "list_tasks", Map.of()));
            time(samples.get("GET /api/tasks"), () -> rest(user, user.get("/api/tasks")));
        }
        return samples;
    }

    private static void time(Samples samples, Supplier<Object> call) {
        long start = System.nanoTime();
        call.get();
        samples.add(System.nanoTime() - start);
    }

    @SuppressWarnings("unchecked")
    private static Object tool(McpSyncClient mcp, String name, Map<?, ?> arguments) {
        McpSchema.CallToolResult result = mcp.callTool(new McpSchema.CallToolRequest(name, (Map<String, Object>) arguments));
        if (Boolean.TRUE.equals(result.isError())) {
            throw new IllegalStateException(name + " failed: " + result.content());
        }
        return result.structuredContent();
    }

    private static Object rest(Api user, HttpRequest request) {
        Api.Response response = user.send(request);
        if (!response.ok()) {
            throw new IllegalStateException(request.uri() + " answered " + response.status() + ": " + response.shortBody());
        }
        return response.json();
    }
}
