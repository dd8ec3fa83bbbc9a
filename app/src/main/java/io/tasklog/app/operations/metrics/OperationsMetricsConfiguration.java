package io.tasklog.app.operations.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventhandling.EventBus;
import io.tasklog.query.stream.StreamSlots;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tasklog's own metrics at {@code /actuator/prometheus}, next to Boot's (HTTP, JVM, pool) and Axon's
 * (command handling, event processors; {@code axon.metrics.micrometer.dimensional}). README, "Metrics and
 * traces", lists them.
 */
@Configuration(proxyBeanMethods = false)
public class OperationsMetricsConfiguration {

    /** An {@code ExecutionInterceptor} bean: the db-scheduler starter puts it around every execution. */
    @Bean
    DeadlineDueTimes deadlineDueTimes() {
        return new DeadlineDueTimes();
    }

    @Bean
    ReminderLateness reminderLateness(MeterRegistry registry, DeadlineDueTimes deadlineDueTimes, EventBus eventBus) {
        ReminderLateness lateness = new ReminderLateness(registry, deadlineDueTimes);
        eventBus.registerDispatchInterceptor(lateness);
        return lateness;
    }

    @Bean
    OpenStreamsGauge openStreamsGauge(StreamSlots streamSlots) {
        return new OpenStreamsGauge(streamSlots);
    }
}
