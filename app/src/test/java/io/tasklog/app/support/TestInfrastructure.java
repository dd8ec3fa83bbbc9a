package io.tasklog.app.support;

import io.tasklog.embedded.EmbeddedPostgresServer;
import io.tasklog.embedded.KafkaKraftBroker;

/**
 * The real services the integration tests run against, started once per test JVM and shared by every
 * Spring context (tests isolate themselves by registering their own users).
 */
public final class TestInfrastructure {

    /** One signing key for every instance a test starts, so they accept each other's tokens. */
    public static final String JWT_SECRET = "dGFza2xvZy10ZXN0LXNoYXJlZC1zZWNyZXQtMzItYnl0ZXMtbG9uZyE=";

    /** The account the tests' instances treat as an admin ({@code tasklog.security.admin-emails}). */
    public static final String ADMIN_EMAIL = "admin@tasklog.test";

    private static EmbeddedPostgresServer postgres;
    private static KafkaKraftBroker kafka;

    private TestInfrastructure() {
    }

    public static synchronized EmbeddedPostgresServer postgres() {
        if (postgres == null) {
            postgres = EmbeddedPostgresServer.temporary().start();
            postgres.createDatabase("tasklog");
        }
        return postgres;
    }

    public static synchronized KafkaKraftBroker kafka() {
        if (kafka == null) {
            kafka = KafkaKraftBroker.temporary().start();
        }
        return kafka;
    }
}
