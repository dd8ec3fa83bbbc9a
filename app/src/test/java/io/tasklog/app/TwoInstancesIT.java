package io.tasklog.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.tasklog.app.support.ApiClient;
import io.tasklog.app.support.IntegrationTest;
import io.tasklog.app.support.SseClient;
import io.tasklog.app.support.TestInfrastructure;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/**
 * Two application instances on one PostgreSQL and one broker: a client streaming from instance B sees a
 * change written through instance A (and projected by whichever instance holds the projection's token).
 */
class TwoInstancesIT extends IntegrationTest {

    private ConfigurableApplicationContext instanceB;
    private ApiClient apiB;

    @BeforeEach
    void startSecondInstance() throws InterruptedException {
        // command-line arguments, so they outrank application.yml
        instanceB = new SpringApplicationBuilder(TasklogApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + TestInfrastructure.postgres().jdbcUrl("tasklog"),
                "--spring.datasource.username=" + TestInfrastructure.postgres().username(),
                "--spring.datasource.password=" + TestInfrastructure.postgres().password(),
                "--spring.kafka.bootstrap-servers=" + TestInfrastructure.kafka().bootstrapServers(),
                // both instances must accept the same tokens
                "--tasklog.security.jwt-secret=" + TestInfrastructure.JWT_SECRET);
        int port = ((WebServerApplicationContext) instanceB).getWebServer().getPort();
        apiB = new ApiClient("http://localhost:" + port);
        KafkaListenerEndpointRegistry listeners = instanceB.getBean(KafkaListenerEndpointRegistry.class);
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (listeners.getListenerContainer("stream-changes").getAssignedPartitions().isEmpty()) {
            assertThat(System.nanoTime()).as("B's stream listener joined").isLessThan(end);
            Thread.sleep(50);
        }
    }

    @AfterEach
    void stopSecondInstance() {
        if (instanceB != null && instanceB.isActive()) {
            instanceB.close();
        }
    }

    @Test
    void aClientOnInstanceBSeesAChangeWrittenThroughInstanceA() throws Exception {
        String token = api.newUser();
        try (SseClient onB = new SseClient(apiB.baseUrl(), token, null).awaitConnected()) {
            String id = api.createTask(token, "{\"title\":\"Written on A\"}");
            SseClient.Event event = onB.await(e -> id.equals(e.json().path("taskId").asText()), Duration.ofSeconds(20));
            assertThat(event.json().get("task").get("title").asText()).isEqualTo("Written on A");
        }
    }

    @Test
    void anInstanceWithOpenStreamsShutsDownPromptly() throws Exception {
        String token = api.newUser();
        try (SseClient onB = new SseClient(apiB.baseUrl(), token, null).awaitConnected()) {
            long start = System.nanoTime();
            instanceB.close();
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(took).isLessThan(Duration.ofSeconds(15));
        }
    }
}
