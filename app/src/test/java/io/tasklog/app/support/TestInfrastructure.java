package io.tasklog.app.support;

import io.tasklog.embedded.EmbeddedPostgresServer;

/**
 * The real services the integration tests run against, started once per test JVM and shared by every
 * Spring context (tests isolate themselves by registering their own users).
 */
public final class TestInfrastructure {

    private static EmbeddedPostgresServer postgres;

    private TestInfrastructure() {
    }

    public static synchronized EmbeddedPostgresServer postgres() {
        if (postgres == null) {
            postgres = EmbeddedPostgresServer.temporary().start();
            postgres.createDatabase("tasklog");
            Runtime.getRuntime().addShutdownHook(new Thread(postgres::close, "embedded-postgres-stop"));
        }
        return postgres;
    }
}
