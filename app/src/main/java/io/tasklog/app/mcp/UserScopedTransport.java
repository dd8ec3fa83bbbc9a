package io.tasklog.app.mcp;

import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpStreamableServerSession;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * The SDK's servlet transport, with resource updates delivered per user. The SDK tracks subscriptions by resource
 * URI only, and {@code tasklog://events/recent} is the same URI for everyone (each reads their own events), so its
 * {@code notifyResourcesUpdated} would tell every subscribed session of every user. Tasklog names the user an update
 * is for in the notification's {@code _meta} ({@link #forUser}); here the update goes only to that user's sessions,
 * without the routing entry.
 */
class UserScopedTransport implements McpStreamableServerTransportProvider {

    private static final String AUDIENCE = "tasklog/user";

    private final McpStreamableServerTransportProvider delegate;
    private final McpSessionOwners owners;

    UserScopedTransport(McpStreamableServerTransportProvider delegate, McpSessionOwners owners) {
        this.delegate = delegate;
        this.owners = owners;
    }

    /** An update of {@code uri} meant for the sessions of one user only. */
    static McpSchema.ResourcesUpdatedNotification forUser(String uri, String userId) {
        return new McpSchema.ResourcesUpdatedNotification(uri, Map.of(AUDIENCE, userId));
    }

    @Override
    public Mono<Void> notifyClient(String sessionId, String method, Object params) {
        if (params instanceof McpSchema.ResourcesUpdatedNotification update && update.meta() != null
                && update.meta().get(AUDIENCE) instanceof String userId) {
            if (!owners.owns(sessionId, userId)) {
                return Mono.empty();
            }
            return delegate.notifyClient(sessionId, method, new McpSchema.ResourcesUpdatedNotification(update.uri()));
        }
        return delegate.notifyClient(sessionId, method, params);
    }

    @Override
    public void setSessionFactory(McpStreamableServerSession.Factory sessionFactory) {
        delegate.setSessionFactory(sessionFactory);
    }

    @Override
    public Mono<Void> notifyClients(String method, Object params) {
        return delegate.notifyClients(method, params);
    }

    @Override
    public Mono<Void> closeGracefully() {
        return delegate.closeGracefully();
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public List<String> protocolVersions() {
        return delegate.protocolVersions();
    }
}
