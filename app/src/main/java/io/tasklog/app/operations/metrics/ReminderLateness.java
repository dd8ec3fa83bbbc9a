package io.tasklog.app.operations.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tasklog.api.task.TaskBecameOverdueEvent;
import io.tasklog.api.task.TaskReminderDueEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code tasklog_reminder_lateness_seconds{kind=upcoming|overdue|snoozed}}: a reminder event's time minus
 * the time its deadline was due. Watches the events published on the event bus (cheap: a type check per
 * event) and records once the deadline's transaction has committed, so a rolled-back firing that is
 * retried counts once. It never fails the deadline: a metric is not worth a lost reminder.
 */
final class ReminderLateness implements MessageDispatchInterceptor<EventMessage<?>> {

    static final String METRIC = "tasklog.reminder.lateness";
    /** How {@link io.tasklog.api.task.ReminderKeys#snoozed} marks a snoozed reminder coming back. */
    private static final String SNOOZED_KEY_PART = ":snoozed:";
    private static final Logger log = LoggerFactory.getLogger(ReminderLateness.class);

    private final DeadlineDueTimes dueTimes;
    private final Map<String, Timer> byKind;

    ReminderLateness(MeterRegistry registry, DeadlineDueTimes dueTimes) {
        this.dueTimes = dueTimes;
        this.byKind = Map.of("upcoming", timer(registry, "upcoming"), "overdue", timer(registry, "overdue"),
                "snoozed", timer(registry, "snoozed"));
    }

    private static Timer timer(MeterRegistry registry, String kind) {
        return Timer.builder(METRIC)
                .description("Time a reminder was given minus the time it was due")
                .tag("kind", kind)
                // buckets for histogram_quantile(); a reminder can be hours late after an outage
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(10))
                .maximumExpectedValue(Duration.ofHours(1))
                .register(registry);
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        return (index, event) -> {
            try {
                observe(event);
            } catch (RuntimeException e) {
                log.debug("Reminder lateness not recorded for event {}", event.getIdentifier(), e);
            }
            return event;
        };
    }

    private void observe(EventMessage<?> event) {
        String kind = kindOf(event.getPayload());
        if (kind == null) {
            return;
        }
        dueTimes.ofRunningDeadline().ifPresent(due -> afterCommit(() -> record(kind, due, event.getTimestamp())));
    }

    private void record(String kind, Instant due, Instant given) {
        Duration lateness = Duration.between(due, given);
        byKind.get(kind).record(lateness.isNegative() ? Duration.ZERO : lateness);
    }

    private static void afterCommit(Runnable action) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(unit -> action.run());
        } else {
            action.run();
        }
    }

    /** The reminder kind of an event, or null for every other event. */
    static String kindOf(Object payload) {
        if (payload instanceof TaskBecameOverdueEvent) {
            return "overdue";
        }
        if (payload instanceof TaskReminderDueEvent reminder) {
            return reminder.reminderKey().contains(SNOOZED_KEY_PART) ? "snoozed" : "upcoming";
        }
        return null;
    }
}
