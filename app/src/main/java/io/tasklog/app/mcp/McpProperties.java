package io.tasklog.app.mcp;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tasklog.mcp.*}: whether the MCP server at {@code /mcp} runs, how often it pings open sessions (which
 * also keeps proxies from closing an idle notification stream), and after how long without a request a
 * session's owner is forgotten (the client then starts a new session). The recent-events read model has its
 * own keys, {@code tasklog.mcp.recent-events.*}.
 */
@ConfigurationProperties("tasklog.mcp")
public record McpProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("PT25S") Duration keepAlive,
        @DefaultValue("PT12H") Duration sessionIdle) {
}
