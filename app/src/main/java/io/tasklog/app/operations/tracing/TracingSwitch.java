package io.tasklog.app.operations.tracing;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Tracing is off unless an OTLP endpoint is configured ({@code otel.exporter.otlp.endpoint} or
 * {@code otel.exporter.otlp.traces.endpoint}, e.g. {@code OTEL_EXPORTER_OTLP_ENDPOINT}); an explicit
 * {@code otel.sdk.disabled} decides instead. Left to itself the OpenTelemetry starter would export to
 * localhost:4318 from every instance. While off, the starter's instrumentations stay out too, so nothing
 * wraps the web layer, the Kafka clients or the data source for spans nobody records.
 */
public class TracingSwitch implements EnvironmentPostProcessor {

    static final String SDK_DISABLED = "otel.sdk.disabled";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!isOn(environment)) {
            // last: an explicit setting of either key still wins
            environment.getPropertySources().addLast(new MapPropertySource("tasklog-tracing-off", Map.of(
                    SDK_DISABLED, "true",
                    "otel.instrumentation.common.default-enabled", "false")));
        }
    }

    static boolean isOn(Environment environment) {
        String disabled = environment.getProperty(SDK_DISABLED);
        if (StringUtils.hasText(disabled)) {
            return !Boolean.parseBoolean(disabled.strip());
        }
        return StringUtils.hasText(environment.getProperty("otel.exporter.otlp.endpoint"))
                || StringUtils.hasText(environment.getProperty("otel.exporter.otlp.traces.endpoint"));
    }
}
