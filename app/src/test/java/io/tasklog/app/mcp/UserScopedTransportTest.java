package io.tasklog.app.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpStreamableServerSession;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** A resource update reaches only the sessions of the user it is for, and leaves without the routing entry. */
class UserScopedTransportTest {

    private final List<String> delivered = new ArrayList<>();
    private final McpSessionOwners owners = new McpSessionOwners(new McpProperties(true, Duration.ofSeconds(25), Duration.ofHours(1)));
    private final UserScopedTransport transport = new UserScopedTransport(new Recording(), owners);

    @Test
    void anUpdateForAUserReachesHisSessionsOnly() {
        owners.claim("alice-1", "alice");
        owners.claim("alice-2", "alice");
        owners.claim("bob-1", "bob");
        McpSchema.ResourcesUpdatedNotification update = UserScopedTransport.forUser("tasklog://events/recent", "alice");

        for (String session : List.of("alice-1", "bob-1", "alice-2", "unknown")) {
            transport.notifyClient(session, McpSchema.METHOD_NOTIFICATION_RESOURCES_UPDATED, update).block();
        }

        assertThat(delivered).containsExactly("alice-1 tasklog://events/recent {}", "alice-2 tasklog://events/recent {}");
    }

    @Test
    void aSessionStaysWithItsFirstUser() {
        assertThat(owners.claim("s", "alice")).isTrue();
        assertThat(owners.claim("s", "bob")).isFalse();
        assertThat(owners.owns("s", "alice")).isTrue();
        owners.forget("s");
        assertThat(owners.owns("s", "alice")).isFalse();
    }

    private final class Recording implements McpStreamableServerTransportProvider {

        @Override
        public Mono<Void> notifyClient(String sessionId, String method, Object params) {
            McpSchema.ResourcesUpdatedNotification update = (McpSchema.ResourcesUpdatedNotification) params;
            delivered.add(sessionId + " " + update.uri() + " " + (update.meta() == null ? "{}" : update.meta()));
            return Mono.empty();
        }

        @Override
        public void setSessionFactory(McpStreamableServerSession.Factory sessionFactory) {
        }

        @Override
        public Mono<Void> notifyClients(String method, Object params) {
            return Mono.empty();
        }

        @Override
        public Mono<Void> closeGracefully() {
            return Mono.empty();
        }
    }
}
