package io.tasklog.command.task;

import io.tasklog.api.MessageMetadata;
import io.tasklog.api.task.CompleteTaskCommand;
import io.tasklog.api.task.CreateTaskCommand;
import io.tasklog.api.task.DeleteTaskCommand;
import io.tasklog.api.task.ReopenTaskCommand;
import io.tasklog.api.task.SnoozeReminderCommand;
import io.tasklog.api.task.TaskBecameOverdueEvent;
import io.tasklog.api.task.TaskCompletedEvent;
import io.tasklog.api.task.TaskCreatedEvent;
import io.tasklog.api.task.TaskDeletedEvent;
import io.tasklog.api.task.TaskDetails;
import io.tasklog.api.task.TaskField;
import io.tasklog.api.task.TaskPriority;
import io.tasklog.api.task.TaskReminderDueEvent;
import io.tasklog.api.task.TaskReminderSnoozedEvent;
import io.tasklog.api.task.TaskUpdatedEvent;
import io.tasklog.api.task.TaskView;
import io.tasklog.api.task.TaskViewFold;
import io.tasklog.api.task.UpdateTaskCommand;
import io.tasklog.command.task.TaskReminders.ReminderDeadline;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** When a task reminds its owner: scheduling, rescheduling, cancelling, and stale deadlines ignored. */
class TaskReminderSchedulingTest {

    private static final String TASK = "task-1";
    private static final String OWNER = "alice";
    private static final Map<String, String> AS_OWNER = Map.of(MessageMetadata.USER_ID, OWNER);
    private static final Instant NOW = Instant.parse("2030-05-01T08:00:00Z");
    private static final Instant DUE = NOW.plus(Duration.ofHours(2));
    private static final Instant LATER_DUE = NOW.plus(Duration.ofDays(1));

    private AggregateTestFixture<TaskAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(TaskAggregate.class);
        // the aggregate's clock follows the fixture's (stubbed) time, so deadlines and "now" agree
        fixture.registerInjectableResource(new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return fixture.currentTime();
            }
        });
    }

    private static CommandMessage<?> asOwner(Object command) {
        return GenericCommandMessage.asCommandMessage(command).andMetaData(AS_OWNER);
    }

    private static TaskDetails due(Instant dueAt, int leadMinutes) {
        return new TaskDetails("Pay rent", "", TaskPriority.NONE, List.of(), dueAt, "UTC", leadMinutes, null);
    }

    private static TaskCreatedEvent createdDue(Instant dueAt, int leadMinutes) {
        return new TaskCreatedEvent(TASK, OWNER, due(dueAt, leadMinutes), null);
    }

    private static TaskDetails only(Instant dueAt) {
        return new TaskDetails(null, null, null, null, dueAt, null, null, null);
    }

    @Test
    void aTaskWithADueDateSchedulesUpcomingAtDueMinusLeadAndOverdueAtDue() {
        fixture.givenCurrentTime(NOW)
                .when(new CreateTaskCommand(TASK, due(DUE, 30)), AS_OWNER)
                .expectScheduledDeadline(DUE.minus(Duration.ofMinutes(30)), new ReminderDeadline(DUE, 30))
                .expectScheduledDeadlineWithName(DUE, TaskReminders.OVERDUE);
    }

    @Test
    void aLeadTimeOfZeroSchedulesOnlyTheOverdueReminder() {
        fixture.givenCurrentTime(NOW)
                .when(new CreateTaskCommand(TASK, due(DUE, 0)), AS_OWNER)
                .expectScheduledDeadlineWithName(DUE, TaskReminders.OVERDUE)
                .expectNoScheduledDeadlineWithName(DUE.minus(Duration.ofMinutes(60)), TaskReminders.UPCOMING);
    }

    @Test
    void whenTheLeadWindowHasAlreadyStartedTheUpcomingReminderIsDueAtOnce() {
        Instant soon = NOW.plusSeconds(120);
        fixture.givenCurrentTime(NOW)
                .when(new CreateTaskCommand(TASK, due(soon, 60)), AS_OWNER)
                .expectScheduledDeadline(NOW, new ReminderDeadline(soon, 60));
    }

    @Test
    void aTaskWithoutADueDateOrAlreadyOverdueSchedulesNothing() {
        fixture.givenCurrentTime(NOW)
                .when(new CreateTaskCommand(TASK, due(null, 60)), AS_OWNER)
                .expectNoScheduledDeadlines();
        fixture.givenCurrentTime(NOW)
                .when(new CreateTaskCommand(TASK, due(NOW.minusSeconds(60), 60)), AS_OWNER)
                .expectNoScheduledDeadlines();
    }

    @Test
    void firingTheDeadlinesRecordsTheRemindersInTheTasksHistory() {
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(asOwner(new CreateTaskCommand(TASK, due(DUE, 30))))
                .whenTimeAdvancesTo(DUE.plusSeconds(1))
                .expectDeadlinesMet(new ReminderDeadline(DUE, 30), new ReminderDeadline(DUE))
                .expectEvents(
                        new TaskReminderDueEvent(TASK, OWNER, "Pay rent", DUE, "UTC", 30,
                                TaskReminders.upcomingKey(TASK, DUE, 30)),
                        new TaskBecameOverdueEvent(TASK, OWNER, "Pay rent", DUE, "UTC",
                                TaskReminders.overdueKey(TASK, DUE)));
    }

    @Test
    void movingTheDueDateSchedulesTheRemindersForTheNewDate() {
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(asOwner(new CreateTaskCommand(TASK, due(DUE, 30))))
                .when(new UpdateTaskCommand(TASK, null, Set.of(TaskField.DUE_AT), only(LATER_DUE)), AS_OWNER)
                .expectScheduledDeadline(LATER_DUE.minus(Duration.ofMinutes(30)), new ReminderDeadline(LATER_DUE, 30))
                .expectScheduledDeadlineWithName(LATER_DUE, TaskReminders.OVERDUE);
    }

    @Test
    void afterTheDueDateMovedOnlyTheNewDateReminds() {
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(asOwner(new CreateTaskCommand(TASK, due(DUE, 30))),
                        asOwner(new UpdateTaskCommand(TASK, null, Set.of(TaskField.DUE_AT), only(LATER_DUE))))
                .whenTimeAdvancesTo(LATER_DUE.plusSeconds(1))
                .expectEvents(
                        new TaskReminderDueEvent(TASK, OWNER, "Pay rent", LATER_DUE, "UTC", 30,
                                TaskReminders.upcomingKey(TASK, LATER_DUE, 30)),
                        new TaskBecameOverdueEvent(TASK, OWNER, "Pay rent", LATER_DUE, "UTC",
                                TaskReminders.overdueKey(TASK, LATER_DUE)));
    }

    @Test
    void aStaleDeadlineForAnOldDueDateDoesNothing() {
        // the due date moved by an event alone, so the deadlines for the old date are still scheduled
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(asOwner(new CreateTaskCommand(TASK, due(DUE, 30))))
                .andGiven(new TaskUpdatedEvent(TASK, OWNER, Set.of(TaskField.DUE_AT), only(LATER_DUE)))
                .whenTimeAdvancesTo(DUE.plusSeconds(1))
                .expectDeadlinesMet(new ReminderDeadline(DUE, 30), new ReminderDeadline(DUE))
                .expectNoEvents();
    }

    @Test
    void aReminderFiresOnlyOnceEvenIfItsDeadlineIsDeliveredTwice() {
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(asOwner(new CreateTaskCommand(TASK, due(DUE, 30))))
                .andGiven(new TaskReminderDueEvent(TASK, OWNER, "Pay rent", DUE, "UTC", 30,
                        TaskReminders.upcomingKey(TASK, DUE, 30)))
                .whenTimeAdvancesTo(DUE.minus(Duration.ofMinutes(10)))
                .expectDeadlinesMet(new ReminderDeadline(DUE, 30))
                .expectNoEvents();
    }

    @Test
    void completingCancelsTheReminders() {
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(asOwner(new CreateTaskCommand(TASK, due(DUE, 30))),
                        asOwner(new CompleteTaskCommand(TASK, null)))
                .whenTimeAdvancesTo(DUE.plusSeconds(1))
                .expectNoEvents();
    }

    @Test
    void deletingCancelsTheReminders() {
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(asOwner(new CreateTaskCommand(TASK, due(DUE, 30))),
                        asOwner(new DeleteTaskCommand(TASK, null)))
                .whenTimeAdvancesTo(DUE.plusSeconds(1))
                .expectNoEvents();
    }

    @Test
    void aTaskCompletedAndReopenedRemindsOnceNotTwice() {
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(asOwner(new CreateTaskCommand(TASK, due(DUE, 30))),
                        asOwner(new CompleteTaskCommand(TASK, null)),
                        asOwner(new ReopenTaskCommand(TASK, null)))
                .whenTimeAdvancesTo(DUE.plusSeconds(1))
                .expectEvents(
                        new TaskReminderDueEvent(TASK, OWNER, "Pay rent", DUE, "UTC", 30,
                                TaskReminders.upcomingKey(TASK, DUE, 30)),
                        new TaskBecameOverdueEvent(TASK, OWNER, "Pay rent", DUE, "UTC",
                                TaskReminders.overdueKey(TASK, DUE)));
    }

    @Test
    void reopeningATaskWhoseDueDateIsAheadSchedulesAgain() {
        fixture.givenCurrentTime(NOW)
                .andGiven(createdDue(DUE, 30), new TaskCompletedEvent(TASK, OWNER, NOW))
                .when(new ReopenTaskCommand(TASK, null), AS_OWNER)
                .expectScheduledDeadlineWithName(DUE, TaskReminders.OVERDUE)
                .expectScheduledDeadline(DUE.minus(Duration.ofMinutes(30)), new ReminderDeadline(DUE, 30));
    }

    @Test
    void reopeningAfterTheDueDateSchedulesNothing() {
        fixture.givenCurrentTime(DUE.plusSeconds(60))
                .andGiven(createdDue(DUE, 30), new TaskCompletedEvent(TASK, OWNER, NOW))
                .when(new ReopenTaskCommand(TASK, null), AS_OWNER)
                .expectNoScheduledDeadlines();
    }

    @Test
    void aReminderAlreadyGivenIsNotRescheduledWhenReopened() {
        String key = TaskReminders.upcomingKey(TASK, DUE, 30);
        fixture.givenCurrentTime(NOW)
                .andGiven(createdDue(DUE, 30),
                        new TaskReminderDueEvent(TASK, OWNER, "Pay rent", DUE, "UTC", 30, key),
                        new TaskCompletedEvent(TASK, OWNER, NOW))
                .when(new ReopenTaskCommand(TASK, null), AS_OWNER)
                .expectScheduledDeadlineWithName(DUE, TaskReminders.OVERDUE)
                .expectNoScheduledDeadlineWithName(DUE.minus(Duration.ofMinutes(30)), TaskReminders.UPCOMING);
    }

    @Test
    void snoozingSchedulesTheReminderAgainAndItComesBack() {
        Instant until = NOW.plus(Duration.ofMinutes(10));
        fixture.givenCurrentTime(NOW)
                .andGiven(createdDue(DUE, 30))
                .when(new SnoozeReminderCommand(TASK, "n-1", 10), AS_OWNER)
                .expectEvents(new TaskReminderSnoozedEvent(TASK, OWNER, "n-1", until))
                .expectScheduledDeadlineWithName(until, TaskReminders.SNOOZED);
    }

    @Test
    void aSnoozedReminderComesBack() {
        Instant until = NOW.plus(Duration.ofMinutes(10));
        fixture.givenCurrentTime(NOW)
                .andGiven(createdDue(DUE, 30))
                .andGivenCommands(asOwner(new SnoozeReminderCommand(TASK, "n-1", 10)))
                .whenTimeAdvancesTo(until)
                .expectEvents(new TaskReminderDueEvent(TASK, OWNER, "Pay rent", DUE, "UTC", 30,
                        TaskReminders.snoozeKey(TASK, until)));
    }

    @Test
    void aSnoozeOfACompletedTaskIsRefused() {
        fixture.givenCurrentTime(NOW)
                .andGiven(createdDue(DUE, 30), new TaskCompletedEvent(TASK, OWNER, NOW))
                .when(new SnoozeReminderCommand(TASK, "n-1", 10), AS_OWNER)
                .expectException(TaskRuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void aDeletedTaskIgnoresItsDeadlines() {
        fixture.givenCurrentTime(NOW)
                .andGiven(createdDue(DUE, 30), new TaskDeletedEvent(TASK, OWNER))
                .whenTimeAdvancesTo(DUE.plusSeconds(1))
                .expectNoEvents();
    }

    @Test
    void settingTheLeadToZeroRetiresTheUpcomingReminderAlreadyScheduled() {
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(asOwner(new CreateTaskCommand(TASK, due(DUE, 1))),
                        asOwner(new UpdateTaskCommand(TASK, null, Set.of(TaskField.REMIND_BEFORE_MINUTES), lead(0))))
                .whenTimeAdvancesTo(DUE.plusSeconds(1))
                // the edit scheduled the overdue reminder again: it fires once all the same (one key per due date)
                .expectDeadlinesMet(new ReminderDeadline(DUE, 1), new ReminderDeadline(DUE), new ReminderDeadline(DUE))
                .expectEvents(new TaskBecameOverdueEvent(TASK, OWNER, "Pay rent", DUE, "UTC",
                        TaskReminders.overdueKey(TASK, DUE)));
    }

    @Test
    void shorteningTheLeadRemindsAtTheNewLeadAndNotAtTheOld() {
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(asOwner(new CreateTaskCommand(TASK, due(DUE, 60))),
                        asOwner(new UpdateTaskCommand(TASK, null, Set.of(TaskField.REMIND_BEFORE_MINUTES), lead(10))))
                .whenTimeAdvancesTo(DUE.minus(Duration.ofMinutes(9)))
                .expectDeadlinesMet(new ReminderDeadline(DUE, 60), new ReminderDeadline(DUE, 10))
                .expectEvents(new TaskReminderDueEvent(TASK, OWNER, "Pay rent", DUE, "UTC", 10,
                        TaskReminders.upcomingKey(TASK, DUE, 10)));
    }

    @Test
    void aLeadChangedAfterTheReminderCameSchedulesTheReminderAtTheNewLead() {
        fixture.givenCurrentTime(NOW)
                .andGiven(createdDue(DUE, 60), new TaskReminderDueEvent(TASK, OWNER, "Pay rent", DUE, "UTC", 60,
                        TaskReminders.upcomingKey(TASK, DUE, 60)))
                .when(new UpdateTaskCommand(TASK, null, Set.of(TaskField.REMIND_BEFORE_MINUTES), lead(10)), AS_OWNER)
                .expectScheduledDeadline(DUE.minus(Duration.ofMinutes(10)), new ReminderDeadline(DUE, 10));
    }

    @Test
    void aSnoozedReminderDoesNotComeBackForADueDateThatMoved() {
        Instant until = NOW.plus(Duration.ofMinutes(10));
        fixture.givenCurrentTime(NOW)
                .andGiven(createdDue(DUE, 30))
                .andGivenCommands(asOwner(new SnoozeReminderCommand(TASK, "n-1", 10)),
                        asOwner(new UpdateTaskCommand(TASK, null, Set.of(TaskField.DUE_AT), only(LATER_DUE))))
                .whenTimeAdvancesTo(until)
                .expectTriggeredDeadlinesWithName(TaskReminders.SNOOZED)
                .expectNoEvents();
    }

    @Test
    void anUpcomingDeadlineStoredBeforeLeadsWereRecordedStillRemindsOfItsDueDate() {
        TaskView task = TaskViewFold.apply(null, createdDue(DUE, 45), 0, NOW);
        assertThat(new ReminderDeadline(DUE).stillHoldsFor(task)).isTrue();
        assertThat(new ReminderDeadline(DUE, 45).stillHoldsFor(task)).isTrue();
        assertThat(new ReminderDeadline(DUE, 60).stillHoldsFor(task)).isFalse();
        assertThat(new ReminderDeadline(LATER_DUE).stillHoldsFor(task)).isFalse();
    }

    private static TaskDetails lead(int minutes) {
        return new TaskDetails(null, null, null, null, null, null, minutes, null);
    }
}
