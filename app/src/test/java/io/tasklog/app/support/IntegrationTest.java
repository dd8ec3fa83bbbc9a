package io.tasklog.app.support;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of HTTP-level tests: the whole application on a random port, on a real PostgreSQL, with metrics
 * exported as in production (Spring Boot's tests switch the Prometheus endpoint off otherwise). Every test
 * registers users of its own from one address, so the login/register rate limit is off; a test of the limit
 * itself turns it on with {@code @TestPropertySource}, which outranks these properties.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "tasklog.security.auth-rate-limit.enabled=false")
@AutoConfigureObservability(tracing = false)
public abstract class IntegrationTest {

    @LocalServerPort
    private int port;

    @Autowired
    protected JdbcClient jdbc;

    protected ApiClient api;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestInfrastructure.postgres().jdbcUrl("tasklog"));
        registry.add("spring.datasource.username", () -> TestInfrastructure.postgres().username());
        registry.add("spring.datasource.password", () -> TestInfrastructure.postgres().password());
        registry.add("spring.kafka.bootstrap-servers", () -> TestInfrastructure.kafka().bootstrapServers());
        registry.add("tasklog.security.jwt-secret", () -> TestInfrastructure.JWT_SECRET);
        registry.add("tasklog.security.admin-emails", () -> TestInfrastructure.ADMIN_EMAIL);
        // small chunks, so that a rebuild of the tests' store takes long enough to be interrupted
        registry.add("tasklog.operations.rebuild-chunk-size", () -> "200");
    }

    @BeforeEach
    void connectClient() {
        api = new ApiClient("http://localhost:" + port);
    }

    @Autowired
    private ApplicationContext context;

    /** Live updates reach this instance's streams only once its task-updates consumer has partitions. */
    protected void awaitStreamListener() {
        AppInstance.awaitStreamListener(context);
    }

    /**
     * Events stored for these users only: everything they did (the {@code userId} metadata of their commands)
     * and everything that happened to their tasks (whoever or whatever caused it, deadlines included). Never
     * the whole store, where other tests' deadlines and sagas keep adding events.
     */
    protected long storedEventsOf(String... tokens) {
        List<String> users = Arrays.stream(tokens).map(IntegrationTest::userIdOf).toList();
        return jdbc.sql("""
                        select count(*) from domain_event_entry e
                        where convert_from(e.meta_data, 'UTF8')::jsonb ->> 'userId' in (:users)
                           or e.aggregate_identifier in (
                               select c.aggregate_identifier from domain_event_entry c
                               where c.sequence_number = 0
                                 and convert_from(c.payload, 'UTF8')::jsonb ->> 'ownerId' in (:users))""")
                .param("users", users).query(Long.class).single();
    }

    /** The user id a token was issued for (its subject). */
    protected static String userIdOf(String token) {
        String claims = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return claims.replaceAll(".*\"sub\":\"([^\"]+)\".*", "$1");
    }

    /** Events stored for one task (the store is written before a command's answer, so no waiting is needed). */
    protected long storedEventsOfTask(String taskId) {
        return jdbc.sql("select count(*) from domain_event_entry where aggregate_identifier = ?")
                .param(taskId).query(Long.class).single();
    }

    /** Stored events whose payload contains {@code marker}, e.g. a title unique to the test. */
    protected long storedEventsMentioning(String marker) {
        return jdbc.sql("select count(*) from domain_event_entry where position(? in convert_from(payload, 'UTF8')) > 0")
                .param(marker).query(Long.class).single();
    }
}
