package io.tasklog.command.recurrence;

import io.tasklog.api.task.CreateTaskCommand;
import io.tasklog.api.task.RecordNextOccurrenceCommand;
import io.tasklog.api.task.Recurrence;
import io.tasklog.api.task.RecurrenceAnchor;
import io.tasklog.api.task.SeriesLink;
import io.tasklog.api.task.TaskBecameRecurringEvent;
import io.tasklog.api.task.TaskCompletedEvent;
import io.tasklog.api.task.TaskCreatedEvent;
import io.tasklog.api.task.TaskDeletedEvent;
import io.tasklog.api.task.TaskDetails;
import io.tasklog.api.task.TaskField;
import io.tasklog.api.task.TaskPriority;
import io.tasklog.api.task.TaskUpdatedEvent;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import org.axonframework.test.matchers.Matchers;
import org.hamcrest.CoreMatchers;
import java.util.List;
import java.util.Set;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The life of a recurring series, as given / when / expect specifications. */
class RecurrenceSagaTest {

    private static final String FIRST = "task-1";
    private static final String OWNER = "alice";
    private static final Instant MON_9 = Instant.parse("2030-01-07T09:00:00Z");
    private static final Instant TUE_9 = Instant.parse("2030-01-08T09:00:00Z");
    private static final Instant WED_9 = Instant.parse("2030-01-09T09:00:00Z");

    private SagaTestFixture<RecurrenceSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(RecurrenceSaga.class);
    }

    private static TaskDetails daily(String rrule, RecurrenceAnchor anchor, Instant due) {
        return new TaskDetails("Stand-up", "notes", TaskPriority.HIGH, List.of("team"), due, "UTC", 15,
                new Recurrence(rrule, anchor));
    }

    /** The first task of a series became recurring (created so, or given a recurrence by an edit). */
    private static TaskBecameRecurringEvent created(TaskDetails details) {
        return new TaskBecameRecurringEvent(FIRST, OWNER, details, new SeriesLink(FIRST, null, 1));
    }

    private static TaskDetails withDue(TaskDetails d, Instant due) {
        return new TaskDetails(d.title(), d.description(), d.priority(), d.tags(), due, d.timeZone(),
                d.remindBeforeMinutes(), d.recurrence());
    }

    @Test
    void aRecurringTaskStartsASeries() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(created(daily("FREQ=DAILY", RecurrenceAnchor.DUE, MON_9)))
                .expectActiveSagas(1)
                .expectAssociationWith(RecurrenceSaga.TASK_ID, FIRST)
                .expectNoDispatchedCommands();
    }

    @Test
    void aPlainTaskStartsNoSagaAtAll() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(new TaskCreatedEvent(FIRST, OWNER, plain(MON_9), null))
                .expectActiveSagas(0)
                .expectNoDispatchedCommands();
    }

    @Test
    void aRecurrenceAddedByAnEditStartsASeriesAndTheNextOccurrenceFollows() {
        TaskDetails details = daily("FREQ=WEEKLY", RecurrenceAnchor.DUE, MON_9);
        String second = RecurrenceSaga.occurrenceId(FIRST, 2);
        Instant nextMonday = MON_9.plus(Duration.ofDays(7));
        fixture.givenAPublished(new TaskCreatedEvent(FIRST, OWNER, plain(MON_9), null))
                .andThenAPublished(new TaskUpdatedEvent(FIRST, OWNER, Set.of(TaskField.RECURRENCE),
                        new TaskDetails(null, null, null, null, null, null, null, details.recurrence())))
                .andThenAPublished(created(details))
                .whenPublishingA(new TaskCompletedEvent(FIRST, OWNER, MON_9))
                .expectDispatchedCommands(
                        new CreateTaskCommand(second, withDue(details, nextMonday), new SeriesLink(FIRST, FIRST, 2)),
                        new RecordNextOccurrenceCommand(FIRST, second, nextMonday))
                .expectActiveSagas(1);
    }

    @Test
    void aRecurrenceRemovedAndAddedAgainStartsAFreshSeriesWithTheNewRule() {
        TaskDetails daily = daily("FREQ=DAILY", RecurrenceAnchor.DUE, MON_9);
        TaskDetails weekly = daily("FREQ=WEEKLY", RecurrenceAnchor.DUE, MON_9);
        String second = RecurrenceSaga.occurrenceId(FIRST, 2);
        Instant nextMonday = MON_9.plus(Duration.ofDays(7));
        fixture.givenAPublished(created(daily))
                .andThenAPublished(new TaskUpdatedEvent(FIRST, OWNER, Set.of(TaskField.RECURRENCE),
                        new TaskDetails(null, null, null, null, null, null, null, null)))
                .andThenAPublished(new TaskUpdatedEvent(FIRST, OWNER, Set.of(TaskField.RECURRENCE),
                        new TaskDetails(null, null, null, null, null, null, null, weekly.recurrence())))
                .andThenAPublished(created(weekly))
                .whenPublishingA(new TaskCompletedEvent(FIRST, OWNER, MON_9))
                .expectDispatchedCommands(
                        new CreateTaskCommand(second, withDue(weekly, nextMonday), new SeriesLink(FIRST, FIRST, 2)),
                        new RecordNextOccurrenceCommand(FIRST, second, nextMonday))
                .expectActiveSagas(1);
    }

    @Test
    void aRejectedNextOccurrenceFailsTheCompletionsHandlingSoThatItIsRetriedNotSkipped() {
        List<Exception> failures = new ArrayList<>();
        fixture.registerListenerInvocationErrorHandler((exception, event, handler) -> failures.add(exception));
        fixture.setCallbackBehavior((command, metaData) -> {
            if (command instanceof CreateTaskCommand) {
                throw new IllegalStateException("the command bus is unavailable");
            }
            return null;
        });
        fixture.givenAPublished(created(daily("FREQ=DAILY", RecurrenceAnchor.DUE, MON_9)))
                .whenPublishingA(new TaskCompletedEvent(FIRST, OWNER, MON_9))
                .expectDispatchedCommandsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        CoreMatchers.instanceOf(CreateTaskCommand.class))));
        assertThat(failures).singleElement().satisfies(failure ->
                assertThat(failure).hasStackTraceContaining("the command bus is unavailable"));
    }

    private static TaskDetails plain(Instant due) {
        return new TaskDetails("Once", "", TaskPriority.NONE, List.of(), due, "UTC", 60, null);
    }

    @Test
    void completingCreatesTheNextOccurrenceWithInheritedContentAndLinksBothTasks() {
        TaskDetails details = daily("FREQ=DAILY", RecurrenceAnchor.DUE, MON_9);
        String second = RecurrenceSaga.occurrenceId(FIRST, 2);
        fixture.givenAPublished(created(details))
                .whenPublishingA(new TaskCompletedEvent(FIRST, OWNER, MON_9.plusSeconds(3600 * 5)))
                .expectDispatchedCommands(
                        new CreateTaskCommand(second, withDue(details, TUE_9), new SeriesLink(FIRST, FIRST, 2)),
                        new RecordNextOccurrenceCommand(FIRST, second, TUE_9))
                .expectAssociationWith(RecurrenceSaga.TASK_ID, second)
                .expectNoAssociationWith(RecurrenceSaga.TASK_ID, FIRST)
                .expectActiveSagas(1);
    }

    @Test
    void theNextOccurrenceFollowsTheScheduleFromTheDueDateHoweverLateTheCompletion() {
        TaskDetails details = daily("FREQ=DAILY", RecurrenceAnchor.DUE, MON_9);
        String second = RecurrenceSaga.occurrenceId(FIRST, 2);
        fixture.givenAPublished(created(details))
                .whenPublishingA(new TaskCompletedEvent(FIRST, OWNER, WED_9.plusSeconds(60)))
                .expectDispatchedCommands(
                        new CreateTaskCommand(second, withDue(details, TUE_9), new SeriesLink(FIRST, FIRST, 2)),
                        new RecordNextOccurrenceCommand(FIRST, second, TUE_9));
    }

    @Test
    void afterCompletionTheNextDueDateCountsFromTheCompletionAtTheUsualTimeOfDay() {
        TaskDetails details = daily("FREQ=DAILY;INTERVAL=3", RecurrenceAnchor.COMPLETION, MON_9);
        String second = RecurrenceSaga.occurrenceId(FIRST, 2);
        Instant completedWednesdayEvening = Instant.parse("2030-01-09T17:40:00Z");
        fixture.givenAPublished(created(details))
                .whenPublishingA(new TaskCompletedEvent(FIRST, OWNER, completedWednesdayEvening))
                .expectDispatchedCommands(
                        new CreateTaskCommand(second, withDue(details, Instant.parse("2030-01-12T09:00:00Z")),
                                new SeriesLink(FIRST, FIRST, 2)),
                        new RecordNextOccurrenceCommand(FIRST, second, Instant.parse("2030-01-12T09:00:00Z")));
    }

    @Test
    void aRedeliveredCompletionCreatesNothingMore() {
        TaskDetails details = daily("FREQ=DAILY", RecurrenceAnchor.DUE, MON_9);
        TaskCompletedEvent completed = new TaskCompletedEvent(FIRST, OWNER, MON_9);
        fixture.givenAPublished(created(details))
                .andThenAPublished(completed)
                .whenPublishingA(completed)
                .expectNoDispatchedCommands();
    }

    @Test
    void theSeriesEndsWhenCountIsReached() {
        TaskDetails details = daily("FREQ=DAILY;COUNT=2", RecurrenceAnchor.DUE, MON_9);
        String second = RecurrenceSaga.occurrenceId(FIRST, 2);
        fixture.givenAPublished(created(details))
                .andThenAPublished(new TaskCompletedEvent(FIRST, OWNER, MON_9))
                .andThenAPublished(new TaskBecameRecurringEvent(second, OWNER, withDue(details, TUE_9),
                        new SeriesLink(FIRST, FIRST, 2)))
                .whenPublishingA(new TaskCompletedEvent(second, OWNER, TUE_9))
                .expectNoDispatchedCommands()
                .expectActiveSagas(0);
    }

    @Test
    void theSeriesEndsAfterUntil() {
        TaskDetails details = daily("FREQ=DAILY;UNTIL=20300107T235959Z", RecurrenceAnchor.DUE, MON_9);
        fixture.givenAPublished(created(details))
                .whenPublishingA(new TaskCompletedEvent(FIRST, OWNER, MON_9))
                .expectNoDispatchedCommands()
                .expectActiveSagas(0);
    }

    @Test
    void removingTheRecurrenceEndsTheSeries() {
        fixture.givenAPublished(created(daily("FREQ=DAILY", RecurrenceAnchor.DUE, MON_9)))
                .whenPublishingA(new TaskUpdatedEvent(FIRST, OWNER, Set.of(TaskField.RECURRENCE),
                        new TaskDetails(null, null, null, null, null, null, null, null)))
                .expectActiveSagas(0);
    }

    @Test
    void deletingTheCurrentOccurrenceEndsTheSeries() {
        fixture.givenAPublished(created(daily("FREQ=DAILY", RecurrenceAnchor.DUE, MON_9)))
                .whenPublishingA(new TaskDeletedEvent(FIRST, OWNER))
                .expectActiveSagas(0)
                .expectNoDispatchedCommands();
    }

    @Test
    void editsToTheCurrentOccurrenceAreInheritedByTheNext() {
        TaskDetails details = daily("FREQ=DAILY", RecurrenceAnchor.DUE, MON_9);
        TaskDetails renamed = new TaskDetails("Daily sync", details.description(), details.priority(), details.tags(),
                MON_9, details.timeZone(), details.remindBeforeMinutes(), details.recurrence());
        String second = RecurrenceSaga.occurrenceId(FIRST, 2);
        fixture.givenAPublished(created(details))
                .andThenAPublished(new TaskUpdatedEvent(FIRST, OWNER, Set.of(TaskField.TITLE),
                        new TaskDetails("Daily sync", null, null, null, null, null, null, null)))
                .whenPublishingA(new TaskCompletedEvent(FIRST, OWNER, MON_9))
                .expectDispatchedCommands(
                        new CreateTaskCommand(second, withDue(renamed, TUE_9), new SeriesLink(FIRST, FIRST, 2)),
                        new RecordNextOccurrenceCommand(FIRST, second, TUE_9));
    }
}
