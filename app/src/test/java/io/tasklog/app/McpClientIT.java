package io.tasklog.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.tasklog.app.support.IntegrationTest;
import io.tasklog.app.support.NodeScript;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The MCP server driven by a real MCP client: the official TypeScript SDK ({@code @modelcontextprotocol/sdk},
 * installed by the build into app/src/test/mcp-client) in Node, against this application on a real PostgreSQL and
 * Kafka broker. The scenarios are in app/src/test/mcp-client/session.mjs; its output lands in target/mcp-client.log.
 */
class McpClientIT extends IntegrationTest {

    @Test
    void aRealMcpClientManagesTasksAndSeesRecentEvents() throws Exception {
        awaitStreamListener();
        Path client = Path.of("src", "test", "mcp-client").toAbsolutePath();
        assertThat(client.resolve("node_modules/@modelcontextprotocol/sdk")).as("MCP client installed (npm ci)").exists();
        NodeScript.runPassing(client, "session.mjs", Map.of("BASE_URL", api.baseUrl()),
                Path.of("target", "mcp-client.log"), Duration.ofMinutes(3));
    }
}
