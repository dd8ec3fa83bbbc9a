package io.tasklog.app.mcp;

import io.modelcontextprotocol.server.McpSyncServer;
import org.springframework.context.SmartLifecycle;

/**
 * Closes every MCP session when the application stops, in the highest phase, before the web server starts waiting
 * for requests to finish: a client's open notification stream would otherwise hold graceful shutdown for its whole
 * timeout. Clients then open a new session (on another instance, behind a load balancer).
 */
class McpShutdown implements SmartLifecycle {

    private final McpSyncServer server;
    private volatile boolean running;

    McpShutdown(McpSyncServer server) {
        this.server = server;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        server.closeGracefully();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
