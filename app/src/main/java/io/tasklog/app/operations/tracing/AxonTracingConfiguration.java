package io.tasklog.app.operations.tracing;

import io.opentelemetry.api.OpenTelemetry;
import org.axonframework.tracing.NoOpSpanFactory;
import org.axonframework.tracing.SpanFactory;
import org.axonframework.tracing.opentelemetry.OpenTelemetrySpanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Axon's spans (command handling, event store, event processors, query updates) through the application's
 * OpenTelemetry SDK. Axon's own auto-configuration builds its span factory on {@code GlobalOpenTelemetry},
 * which the OpenTelemetry starter never sets, so every Axon span would be dropped. With tracing off, Axon's
 * no-op factory: no span bookkeeping on every message for nothing.
 */
@Configuration(proxyBeanMethods = false)
public class AxonTracingConfiguration {

    static final String INSTRUMENTATION_NAME = "AxonFramework-OpenTelemetry";

    @Bean
    SpanFactory spanFactory(Environment environment, ObjectProvider<OpenTelemetry> openTelemetry) {
        if (!TracingSwitch.isOn(environment)) {
            return NoOpSpanFactory.INSTANCE;
        }
        OpenTelemetry sdk = openTelemetry.getObject();
        return OpenTelemetrySpanFactory.builder()
                .tracer(sdk.getTracer(INSTRUMENTATION_NAME))
                .contextPropagators(sdk.getPropagators().getTextMapPropagator())
                .build();
    }
}
