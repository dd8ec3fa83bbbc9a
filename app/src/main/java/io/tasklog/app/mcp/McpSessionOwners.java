package io.tasklog.app.mcp;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Component;

/**
 * Which user each MCP session on this instance belongs to: the user of the first authenticated request that
 * named the session (the client's {@code notifications/initialized}, right after the session was created).
 * Server-initiated messages (resource updates) are routed by it, and a request naming someone else's session is
 * refused. Sessions live in one instance's memory (the SDK's), so this map does too; entries expire once a session
 * has been idle for {@code tasklog.mcp.session-idle}.
 */
@Component
class McpSessionOwners {

    private final Cache<String, String> owners;

    McpSessionOwners(McpProperties properties) {
        this.owners = Caffeine.newBuilder().expireAfterAccess(properties.sessionIdle()).maximumSize(100_000).build();
    }

    /** Binds an unbound session to the user; true when the session is (now) the user's. */
    boolean claim(String sessionId, String userId) {
        return userId.equals(owners.get(sessionId, id -> userId));
    }

    boolean owns(String sessionId, String userId) {
        return userId.equals(owners.getIfPresent(sessionId));
    }

    void forget(String sessionId) {
        owners.invalidate(sessionId);
    }
}
