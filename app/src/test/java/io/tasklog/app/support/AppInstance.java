package io.tasklog.app.support;

import static org.awaitility.Awaitility.await;
import io.tasklog.app.TasklogApplication;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/** Starts an extra application instance on the shared test PostgreSQL and broker. */
public final class AppInstance {

    private AppInstance() {
    }

    /**
     * An instance on database {@code database} (created if absent) whose topics are suffixed with
     * {@code topicSuffix} ("" = the shared topics), so tests can run isolated systems side by side;
     * {@code settings} are further {@code --key=value} arguments.
     */
    public static ConfigurableApplicationContext start(String database, String topicSuffix, String... settings) {
        return start(database, topicSuffix, List.of(), settings);
    }

    /** As {@link #start(String, String, String...)}, with a test's own configuration classes added. */
    public static ConfigurableApplicationContext start(String database, String topicSuffix, List<Class<?>> extraSources,
                                                       String... settings) {
        TestInfrastructure.postgres().createDatabase(database);
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=" + TestInfrastructure.postgres().jdbcUrl(database),
                "--spring.datasource.username=" + TestInfrastructure.postgres().username(),
                "--spring.datasource.password=" + TestInfrastructure.postgres().password(),
                "--spring.kafka.bootstrap-servers=" + TestInfrastructure.kafka().bootstrapServers(),
                "--tasklog.security.jwt-secret=" + TestInfrastructure.JWT_SECRET,
                "--tasklog.security.auth-rate-limit.enabled=false"));
        if (!topicSuffix.isEmpty()) {
            args.add("--axon.kafka.default-topic=task-events-" + topicSuffix);
            args.add("--tasklog.kafka.task-updates-topic=task-updates-" + topicSuffix);
        }
        args.addAll(List.of(settings));
        // command-line arguments, so they outrank application.yml
        return new SpringApplicationBuilder(TasklogApplication.class).sources(extraSources.toArray(Class<?>[]::new))
                .run(args.toArray(String[]::new));
    }

    /** Live updates reach an instance's streams only once its task-updates consumer has partitions. */
    public static void awaitStreamListener(ApplicationContext instance) {
        KafkaListenerEndpointRegistry listeners = instance.getBean(KafkaListenerEndpointRegistry.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> listeners.getListenerContainer("stream-changes").getAssignedPartitions(),
                partitions -> partitions != null && !partitions.isEmpty());
    }

    public static ApiClient client(ConfigurableApplicationContext instance) {
        return new ApiClient("http://localhost:" + ((WebServerApplicationContext) instance).getWebServer().getPort());
    }
}
