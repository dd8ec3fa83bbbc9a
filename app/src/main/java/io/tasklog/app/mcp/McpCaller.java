package io.tasklog.app.mcp;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.server.McpTransportContextExtractor;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Map;

/**
 * Who is calling: the user id (JWT subject) of the HTTP request that carried the MCP message. Taken per request,
 * not per session, so every tool call and read acts as exactly the token that sent it; Spring Security has
 * authenticated that request before it reaches the MCP servlet.
 */
final class McpCaller {

    private static final String USER_ID = "tasklog.userId";

    private McpCaller() {
    }

    /** Puts the authenticated user into the transport context the SDK hands to every handler of the request. */
    static McpTransportContextExtractor<HttpServletRequest> extractor() {
        return request -> {
            Principal user = request.getUserPrincipal();
            return user == null ? McpTransportContext.EMPTY : McpTransportContext.create(Map.of(USER_ID, user.getName()));
        };
    }

    /** The caller's user id; fails (never falls back to anyone) when the request was not authenticated. */
    static String userId(McpSyncServerExchange exchange) {
        Object userId = exchange.transportContext().get(USER_ID);
        if (userId == null) {
            throw new IllegalStateException("MCP request without an authenticated user");
        }
        return userId.toString();
    }

    static Principal principal(String userId) {
        return () -> userId;
    }
}
