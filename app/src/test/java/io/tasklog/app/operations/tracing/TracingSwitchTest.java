package io.tasklog.app.operations.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class TracingSwitchTest {

    private final MockEnvironment environment = new MockEnvironment();

    @Test
    void withoutAnEndpointTheSdkAndTheInstrumentationsAreOff() {
        new TracingSwitch().postProcessEnvironment(environment, null);

        assertThat(environment.getProperty("otel.sdk.disabled")).isEqualTo("true");
        assertThat(environment.getProperty("otel.instrumentation.common.default-enabled")).isEqualTo("false");
        assertThat(TracingSwitch.isOn(environment)).isFalse();
    }

    @Test
    void anOtlpEndpointSwitchesTracingOn() {
        environment.setProperty("otel.exporter.otlp.endpoint", "http://collector:4318");
        new TracingSwitch().postProcessEnvironment(environment, null);

        assertThat(environment.getProperty("otel.sdk.disabled")).isNull();
        assertThat(TracingSwitch.isOn(environment)).isTrue();
    }

    @Test
    void aTracesOnlyEndpointDoesToo() {
        environment.setProperty("otel.exporter.otlp.traces.endpoint", "http://collector:4318/v1/traces");

        assertThat(TracingSwitch.isOn(environment)).isTrue();
    }

    @Test
    void anExplicitSdkSettingWins() {
        environment.setProperty("otel.exporter.otlp.endpoint", "http://collector:4318");
        environment.setProperty("otel.sdk.disabled", "true");
        assertThat(TracingSwitch.isOn(environment)).isFalse();

        environment.setProperty("otel.exporter.otlp.endpoint", "");
        environment.setProperty("otel.sdk.disabled", "false");
        assertThat(TracingSwitch.isOn(environment)).isTrue();
    }
}
