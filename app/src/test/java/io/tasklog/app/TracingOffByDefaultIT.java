package io.tasklog.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.OpenTelemetry;
import io.tasklog.app.support.IntegrationTest;
import org.axonframework.tracing.NoOpSpanFactory;
import org.axonframework.tracing.SpanFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Without an OTLP endpoint nothing is traced, so nothing is exported anywhere. */
class TracingOffByDefaultIT extends IntegrationTest {

    @Autowired
    private OpenTelemetry openTelemetry;

    @Autowired
    private SpanFactory axonSpans;

    @Test
    void noEndpointNoSpans() {
        assertThat(openTelemetry.getTracer("probe").spanBuilder("probe").startSpan().getSpanContext().isValid())
                .as("a span of the application's OpenTelemetry is recorded").isFalse();
        assertThat(axonSpans).isSameAs(NoOpSpanFactory.INSTANCE);
    }
}
