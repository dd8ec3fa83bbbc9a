package io.tasklog.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.tasklog.app.support.IntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
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
        Path log = Path.of("target", "mcp-client.log").toAbsolutePath();
        Files.createDirectories(log.getParent());
        ProcessBuilder session = new ProcessBuilder("node", "session.mjs")
                .directory(client.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        session.environment().put("BASE_URL", api.baseUrl());
        Process node = session.start();
        boolean finished = node.waitFor(3, TimeUnit.MINUTES);
        if (!finished) {
            node.destroyForcibly();
        }
        String output = Files.readString(log);
        assertThat(finished).as("MCP client finished in time:\n" + output).isTrue();
        assertThat(node.exitValue()).as("MCP client:\n" + output).isZero();
        assertThat(output).contains(" 0 failed");
    }
}
