package io.tasklog.app;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizerProvider;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.tasklog.app.support.ApiClient;
import io.tasklog.app.support.AppInstance;
import io.tasklog.app.support.SseClient;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * One trace follows a command from the HTTP request through the aggregate and the event store, the Kafka
 * publisher, across the Kafka hop into the projection, and on to the task-updates announcement every
 * instance's streams are fed from. An instance of its own (database, topics), with tracing switched on
 * and the spans kept in memory instead of exported.
 */
class TracingIT {

    private static ConfigurableApplicationContext instance;
    private static InMemorySpanExporter spans;
    private static ApiClient api;

    @BeforeAll
    static void startTracedInstance() {
        instance = AppInstance.start("tracing_test", "tracing", List.of(InMemorySpans.class),
                "--otel.sdk.disabled=false", "--otel.traces.exporter=none");
        spans = instance.getBean(InMemorySpanExporter.class);
        api = AppInstance.client(instance);
        AppInstance.awaitStreamListener(instance);
    }

    @AfterAll
    static void stop() {
        if (instance != null) {
            instance.close();
        }
    }

    @Test
    void theSpansOfOneCommandShareOneTraceAcrossKafka() throws Exception {
        String token = api.newUser();
        try (SseClient stream = new SseClient(api.baseUrl(), token, null).awaitConnected()) {
            String id = api.createTask(token, "{\"title\":\"Traced\"}");
            stream.await(e -> id.equals(e.json().path("taskId").asText()), Duration.ofSeconds(20));
        }
        String traceId = await().atMost(Duration.ofSeconds(10)).until(() -> finished().stream()
                .filter(span -> span.getKind() == SpanKind.SERVER && span.getName().equals("POST /api/tasks"))
                .findFirst(), Optional::isPresent).orElseThrow().getTraceId();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<SpanData> trace = finished().stream().filter(span -> span.getTraceId().equals(traceId)).toList();
            assertThat(trace).extracting(SpanData::getName).as(describe(trace)).contains(
                    "CommandBus.handleCommand(CreateTaskCommand)",   // the aggregate...
                    "EventBus.commitEvents",                         // ...and the event store
                    "TaskEventsKafkaPublisher.publish(Object,EventMessage)",
                    "TaskViewProjection.on(TaskEvent,long,Instant)",
                    "task-updates-tracing publish",                  // the change announced after the view's commit
                    "task-updates-tracing process",                  // ...and received for this instance's streams
                    "QueryUpdateEmitter.emitQueryUpdateMessage(StreamChange)");
            // across Kafka: the projection's handling is a child of the publisher's, whose context the
            // record carried (the stored event only knows the command's)
            SpanData publisher = named(trace, "TaskEventsKafkaPublisher.publish(Object,EventMessage)");
            SpanData projection = named(trace, "TaskViewProjection.on(TaskEvent,long,Instant)");
            SpanData projectionProcessing = trace.stream()
                    .filter(span -> span.getSpanId().equals(projection.getParentSpanId())).findFirst().orElseThrow();
            assertThat(projectionProcessing.getParentSpanId()).as(describe(trace)).isEqualTo(publisher.getSpanId());
        });
    }

    private static List<SpanData> finished() {
        return spans.getFinishedSpanItems();
    }

    private static SpanData named(List<SpanData> trace, String name) {
        return trace.stream().filter(span -> span.getName().equals(name)).findFirst().orElseThrow();
    }

    private static String describe(List<SpanData> trace) {
        return trace.stream().map(span -> span.getSpanId() + " <- " + span.getParentSpanId() + " " + span.getName())
                .collect(Collectors.joining("\n", "spans of the trace:\n", ""));
    }

    /** The test's SDK addition: every finished span is kept in memory. */
    static class InMemorySpans {

        @Bean
        InMemorySpanExporter inMemorySpanExporter() {
            return InMemorySpanExporter.create();
        }

        @Bean
        AutoConfigurationCustomizerProvider keepSpansInMemory(InMemorySpanExporter exporter) {
            return sdk -> sdk.addTracerProviderCustomizer(
                    (tracerProvider, config) -> tracerProvider.addSpanProcessor(SimpleSpanProcessor.create(exporter)));
        }
    }
}
