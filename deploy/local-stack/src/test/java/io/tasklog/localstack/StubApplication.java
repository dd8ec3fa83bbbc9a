package io.tasklog.localstack;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;

/** Stands in for the real application: only the beans that consume the properties the launcher sets. */
@SpringBootConfiguration
@ImportAutoConfiguration(DataSourceAutoConfiguration.class)
public class StubApplication {
}
