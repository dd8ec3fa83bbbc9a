package io.tasklog.app;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Tasklog as one deployable: the write side, projections and the read side, assembled. */
@SpringBootApplication(scanBasePackages = "io.tasklog")
@ConfigurationPropertiesScan("io.tasklog")
@EnableScheduling
public class TasklogApplication {

    public static void main(String[] args) {
        SpringApplication.run(TasklogApplication.class, args);
    }

    /** The one clock of the write side, the projections and the read side. */
    @Bean
    public Clock clock() {
        return Clock.systemUTC();
    }

    static {
        // Axon's update checker phones home and writes to ~/.axoniq; Tasklog makes no calls beyond its own services.
        System.setProperty("axoniq.update-checker.disabled", "true");
    }
}
