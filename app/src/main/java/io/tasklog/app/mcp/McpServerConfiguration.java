package io.tasklog.app.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import io.tasklog.query.stream.StreamShutdown;
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

    /**
     * Its sessions are closed when the application starts stopping, with the SSE streams ({@link StreamShutdown}):
     * a client's open notification stream would otherwise hold the web server's graceful shutdown for its whole
     * timeout. Clients then open a new session (on another instance, behind a load balancer).
     */
    @Bean
    McpSyncServer mcpServer(HttpServletStreamableServerTransportProvider transport, McpSessionOwners owners,
                            TaskReadTools reads, TaskWriteTools writes, ContextTools context, RecentEvents recentEvents,
                            ToolCalls calls, StreamShutdown shutdown) {
        McpSyncServer server = build(new UserScopedTransport(transport, owners),
                Stream.of(reads.tools(), writes.tools(), context.tools()).flatMap(List::stream).map(calls::specification).toList(),
                recentEvents);
        shutdown.signal().subscribe(null, null, server::closeGracefully);
        return server;
    }

    private static McpSyncServer build(UserScopedTransport transport, List<SyncToolSpecification> tools,
                                       RecentEvents recentEvents) {
        return McpServer.sync(transport)
                .serverInfo("tasklog", "0.1.0")
                .instructions("Tasklog is the user's todo list. Use the tools to list, read, create, change, complete, "
                        + "reopen and delete the user's tasks, read a task's history or past state, and the user's "
                        + "reminder notifications. " + RecentEvents.URI + " (or recent_task_events) tells what "
                        + "happened to the tasks in the last hour. Times are ISO-8601 instants in UTC.")
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).resources(true, false).build())
                // arguments are checked by the tools themselves, in the HTTP API's words (see ToolArguments)
                .validateToolInputs(false)
                .tools(tools)
                .resources(recentEvents.resource())
                .build();
    }

    @Bean
    RecentEventsNotifier recentEventsNotifier(McpSyncServer server) {
        return new RecentEventsNotifier(server);
    }
}
