package io.tasklog.app.operations.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.event.ExecutionChain;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.Execution;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tasklog.api.task.ReminderKeys;
import io.tasklog.api.task.TaskBecameOverdueEvent;
import io.tasklog.api.task.TaskCompletedEvent;
import io.tasklog.api.task.TaskReminderDueEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;

class ReminderLatenessTest {

    private static final Instant DUE = Instant.parse("2030-01-01T09:00:00Z");
    private static final Instant DUE_AT = Instant.parse("2030-01-01T10:00:00Z");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final DeadlineDueTimes dueTimes = new DeadlineDueTimes();
    private final ReminderLateness lateness = new ReminderLateness(registry, dueTimes);

    @Test
    void aReminderIsMeasuredAgainstTheTimeItsDeadlineWasDueNotAgainstDueDateMinusLead() {
        // scheduled "at once" at 09:00 because the 120-minute lead had begun: due − lead would say an hour late
        publishWhileDeadlineRuns(DUE, upcoming(120), DUE.plusMillis(250));

        assertThat(timer("upcoming").count()).isEqualTo(1);
        assertThat(timer("upcoming").totalTime(TimeUnit.MILLISECONDS)).isEqualTo(250);
    }

    @Test
    void eachKindHasItsOwnSeries() {
        publishWhileDeadlineRuns(DUE_AT, event(new TaskBecameOverdueEvent("t", "o", "Pay", DUE_AT, "UTC",
                ReminderKeys.overdue("t", DUE_AT))), DUE_AT.plusSeconds(2));
        publishWhileDeadlineRuns(DUE, event(new TaskReminderDueEvent("t", "o", "Pay", DUE_AT, "UTC", 30,
                ReminderKeys.snoozed("t", DUE))), DUE.plusSeconds(1));

        assertThat(timer("overdue").totalTime(TimeUnit.SECONDS)).isEqualTo(2);
        assertThat(timer("snoozed").totalTime(TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(timer("upcoming").count()).isZero();
    }

    @Test
    void otherEventsAndEventsOutsideADeadlineAreNotMeasured() {
        publishWhileDeadlineRuns(DUE, event(new TaskCompletedEvent("t", "o", DUE)), DUE);
        publish(upcoming(10), DUE);

        assertThat(registry.find(ReminderLateness.METRIC).timers()).allMatch(timer -> timer.count() == 0);
    }

    @Test
    void aFailureInsideTheMetricNeverReachesTheDeadline() {
        EventMessage<?> broken = event(new TaskReminderDueEvent("t", "o", "Pay", DUE_AT, "UTC", 30, null));

        assertThat(lateness.handle(List.of(broken)).apply(0, broken)).isSameAs(broken);
    }

    private void publishWhileDeadlineRuns(Instant due, EventMessage<?> event, Instant given) {
        TaskInstance<Void> task = new TaskInstance<>("deadline", UUID.randomUUID().toString());
        ExecutionContext context = new ExecutionContext(null, new Execution(due, task), null, null);
        dueTimes.execute(task, context, new ExecutionChain(List.of(), (instance, ctx) -> {
            publish(event, given);
            return null;
        }));
    }

    private void publish(EventMessage<?> event, Instant at) {
        EventMessage<?> stamped = new GenericEventMessage<>(event.getIdentifier(), event.getPayload(), Map.of(), at);
        lateness.handle(List.of(stamped)).apply(0, stamped);
    }

    private static EventMessage<?> upcoming(int lead) {
        return event(new TaskReminderDueEvent("t", "o", "Pay", DUE_AT, "UTC", lead, ReminderKeys.upcoming("t", DUE_AT, lead)));
    }

    private static EventMessage<?> event(Object payload) {
        return GenericEventMessage.asEventMessage(payload);
    }

    private Timer timer(String kind) {
        return registry.get(ReminderLateness.METRIC).tag("kind", kind).timer();
    }
}
