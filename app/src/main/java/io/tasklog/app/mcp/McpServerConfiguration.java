package io.tasklog.app.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The MCP server: Model Context Protocol over streamable HTTP at {@code /mcp}, on the application's own origin and
 * behind the same JWT Bearer authentication as {@code /api} (see the security configuration). The SDK's servlet
 * transport is registered as a servlet of its own (async, for its event streams) beside Spring MVC's.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "tasklog.mcp.enabled", havingValue = "true", matchIfMissing = true)
public class McpServerConfiguration {

    static final String ENDPOINT = "/mcp";

    @Bean
    HttpServletStreamableServerTransportProvider mcpTransport(McpProperties properties) {
        return HttpServletStreamableServerTransportProvider.builder()
                .mcpEndpoint(ENDPOINT)
                .contextExtractor(McpCaller.extractor())
                .keepAliveInterval(properties.keepAlive())
                .build();
    }

    @Bean
    ServletRegistrationBean<HttpServletStreamableServerTransportProvider> mcpServlet(
            HttpServletStreamableServerTransportProvider transport) {
        ServletRegistrationBean<HttpServletStreamableServerTransportProvider> servlet =
                new ServletRegistrationBean<>(transport, ENDPOINT);
        servlet.setName("mcp");
        servlet.setAsyncSupported(true);
        return servlet;
    }

    /** After Spring Security's filters (order -100), which authenticate the request this one checks. */
    @Bean
    FilterRegistrationBean<McpSessionGuard> mcpSessionGuard(McpSessionOwners owners, ObjectMapper mapper) {
        FilterRegistrationBean<McpSessionGuard> guard = new FilterRegistrationBean<>(new McpSessionGuard(owners, mapper));
        guard.addUrlPatterns(ENDPOINT);
        guard.setOrder(0);
        return guard;
    }

    @Bean
    McpSyncServer mcpServer(HttpServletStreamableServerTransportProvider transport, McpSessionOwners owners,
                            TaskReadTools reads, TaskWriteTools writes, ContextTools context, RecentEvents recentEvents,
                            ToolCalls calls) {
        List<McpTool> tools = Stream.of(reads.tools(), writes.tools(), context.tools()).flatMap(List::stream).toList();
        return McpServer.sync(new UserScopedTransport(transport, owners))
                .serverInfo("tasklog", "0.1.0")
                .instructions("Tasklog is the user's todo list. Use the tools to list, read, create, change, complete, "
                        + "reopen and delete the user's tasks, read a task's history or past state, and the user's "
                        + "reminder notifications. " + RecentEvents.URI + " (or recent_task_events) tells what "
                        + "happened to the tasks in the last hour. Times are ISO-8601 instants in UTC.")
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).resources(true, false).build())
                // arguments are checked by the tools themselves, in the HTTP API's words (see ToolArguments)
                .validateToolInputs(false)
                .tools(tools.stream().map(calls::specification).toList())
                .resources(recentEvents.resource())
                .build();
    }

    @Bean
    McpShutdown mcpShutdown(McpSyncServer server) {
        return new McpShutdown(server);
    }

    @Bean
    RecentEventsNotifier recentEventsNotifier(McpSyncServer server) {
        return new RecentEventsNotifier(server);
    }
}
