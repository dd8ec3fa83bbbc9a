package io.tasklog.app.support;

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
 * Base of HTTP-level tests: the whole application on a random port, on a real PostgreSQL. With metrics
 * exported as in production (Spring Boot's tests switch the Prometheus endpoint off otherwise).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
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

    protected long storedEvents() {
        return jdbc.sql("select count(*) from domain_event_entry").query(Long.class).single();
    }
}
