package io.tasklog.command.task;

import io.tasklog.api.MessageMetadata;
import io.tasklog.api.task.CompleteTaskCommand;
import io.tasklog.api.task.CreateTaskCommand;
import io.tasklog.api.task.DeleteTaskCommand;
import io.tasklog.api.task.Recurrence;
import io.tasklog.api.task.RecurrenceAnchor;
import io.tasklog.api.task.ReopenTaskCommand;
import io.tasklog.api.task.TaskCompletedEvent;
import io.tasklog.api.task.NextOccurrenceCreatedEvent;
import io.tasklog.api.task.RecordNextOccurrenceCommand;
import io.tasklog.api.task.SeriesLink;
import io.tasklog.api.task.TaskBecameRecurringEvent;
import io.tasklog.api.task.TaskCreatedEvent;
import io.tasklog.api.task.TaskDeletedEvent;
import io.tasklog.api.task.TaskDetails;
import io.tasklog.api.task.TaskField;
import io.tasklog.api.task.TaskPriority;
import io.tasklog.api.task.TaskReopenedEvent;
import io.tasklog.api.task.TaskUpdatedEvent;
import io.tasklog.api.task.TaskView;
import io.tasklog.api.task.UpdateTaskCommand;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The Task aggregate's rules, written as given / when / expect specifications. */
class TaskAggregateTest {

    private static final String TASK = "task-1";
    private static final String OWNER = "alice";
    private static final Map<String, String> AS_OWNER = Map.of(MessageMetadata.USER_ID, OWNER);
    private static final Map<String, String> AS_STRANGER = Map.of(MessageMetadata.USER_ID, "mallory");
    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private static final Instant DUE = Instant.parse("2026-12-01T09:00:00Z");

    private AggregateTestFixture<TaskAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(TaskAggregate.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static Matcher<TaskView> atVersion(long version) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(TaskView view) {
                return view.version() == version;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a task at version " + version);
            }
        };
    }

    private static TaskDetails details(String title) {
        return new TaskDetails(title, null, null, null, null, null, null, null);
    }

    private static TaskDetails stored(String title) {
        return new TaskDetails(title, "", TaskPriority.NONE, List.of(), null, "UTC", 60, null);
    }

    private static TaskCreatedEvent created() {
        return new TaskCreatedEvent(TASK, OWNER, stored("Buy milk"), null);
    }

    private static UpdateTaskCommand update(Set<TaskField> fields, TaskDetails values) {
        return new UpdateTaskCommand(TASK, null, fields, values);
    }

    @Nested
    class Creating {

        @Test
        void recordsTheOwnerAndTheNormalisedContentWithDefaults() {
            fixture.givenNoPriorActivity()
                    .when(new CreateTaskCommand(TASK, details("  Buy milk  ")), AS_OWNER)
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(created());
        }

        @Test
        void answersWithTheNewTaskAtVersionZero() {
            // the HTTP answer (and its ETag) is this state: nothing is read back from the event store
            fixture.givenNoPriorActivity()
                    .when(new CreateTaskCommand(TASK, details("Buy milk")), AS_OWNER)
                    .expectResultMessagePayloadMatching(atVersion(0));
        }

        @Test
        void aRecurringTaskIsAnsweredAtTheVersionOfItsLastEvent() {
            var recurring = new TaskDetails("Water plants", null, null, List.of(), DUE, "UTC", null,
                    new Recurrence("FREQ=DAILY", RecurrenceAnchor.DUE));
            fixture.givenNoPriorActivity()
                    .when(new CreateTaskCommand(TASK, recurring), AS_OWNER)
                    .expectResultMessagePayloadMatching(atVersion(1));
        }

        @Test
        void keepsEveryGivenField() {
            var recurrence = new Recurrence("FREQ=WEEKLY;BYDAY=MO", RecurrenceAnchor.COMPLETION);
            var full = new TaskDetails("Report", "Weekly status", TaskPriority.HIGH, List.of("Work", "work ", "Q4"),
                    DUE, "Europe/Berlin", 15, recurrence);
            fixture.givenNoPriorActivity()
                    .when(new CreateTaskCommand(TASK, full), AS_OWNER)
                    .expectEvents(new TaskCreatedEvent(TASK, OWNER, new TaskDetails("Report", "Weekly status",
                            TaskPriority.HIGH, List.of("work", "q4"), DUE, "Europe/Berlin", 15, recurrence), null),
                            new TaskBecameRecurringEvent(TASK, OWNER, new TaskDetails("Report", "Weekly status",
                                    TaskPriority.HIGH, List.of("work", "q4"), DUE, "Europe/Berlin", 15, recurrence),
                                    new SeriesLink(TASK, null, 1)));
        }

        @Test
        void rejectsABlankTitle() {
            fixture.givenNoPriorActivity()
                    .when(new CreateTaskCommand(TASK, details("   ")), AS_OWNER)
                    .expectException(TaskRuleViolationException.class)
                    .expectNoEvents();
        }

        @Test
        void acceptsATitleOfExactly200CharactersButNot201() {
            fixture.givenNoPriorActivity()
                    .when(new CreateTaskCommand(TASK, details("x".repeat(200))), AS_OWNER)
                    .expectSuccessfulHandlerExecution();
            fixture.givenNoPriorActivity()
                    .when(new CreateTaskCommand(TASK, details("x".repeat(201))), AS_OWNER)
                    .expectException(TaskRuleViolationException.class)
                    .expectExceptionMessage("title must be at most 200 characters");
        }

        @Test
        void rejectsADescriptionLongerThan10000Characters() {
            var tooLong = new TaskDetails("t", "d".repeat(10_001), null, null, null, null, null, null);
            fixture.givenNoPriorActivity()
                    .when(new CreateTaskCommand(TASK, tooLong), AS_OWNER)
                    .expectException(TaskRuleViolationException.class)
                    .expectNoEvents();
        }

        @Test
        void rejectsMoreThan20DistinctTags() {
            List<String> tags = IntStream.rangeClosed(1, 21).mapToObj(i -> "t" + i).toList();
            var tooMany = new TaskDetails("t", null, null, tags, null, null, null, null);
            fixture.givenNoPriorActivity()
                    .when(new CreateTaskCommand(TASK, tooMany), AS_OWNER)
                    .expectException(TaskRuleViolationException.class)
                    .expectExceptionMessage("a task has at most 20 tags");
        }

        @Test
        void rejectsMoreThan50TagsBeforeLookingAtAnyOfThem() {
            // folded, the first 50 would be one tag; a look at the elements would stop at the blank one
            List<String> tags = new java.util.ArrayList<>(Collections.nCopies(50, "Same"));
            tags.add(" ");
            var tooMany = new TaskDetails("t", null, null, tags, null, null, null, null);
            fixture.givenNoPriorActivity()
                    .when(new CreateTaskCommand(TASK, tooMany), AS_OWNER)
                    .expectException(TaskRuleViolationException.class)
                    .expectExceptionMessage("at most 50 tags in one request");
        }

        @Test
        void countsTagsAfterDeDuplication() {
            List<String> tags = new java.util.ArrayList<>(Collections.nCopies(30, "Same"));
            var duplicates = new TaskDetails("t", null, null, tags, null, null, null, null);
            fixture.givenNoPriorActivity()
                    .when(new CreateTaskCommand(TASK, duplicates), AS_OWNER)
                    .expectEvents(new TaskCreatedEvent(TASK, OWNER,
                            new TaskDetails("t", "", TaskPriority.NONE, List.of("same"), null, "UTC", 60, null), null));
        }

        @Test
        void rejectsATagLongerThan40Characters() {
            var longTag = new TaskDetails("t", null, null, List.of("x".repeat(41)), null, null, null, null);
            fixture.givenNoPriorActivity()
                    .when(new CreateTaskCommand(TASK, longTag), AS_OWNER)
                    .expectException(TaskRuleViolationException.class);
        }

        @Test
        void rejectsControlCharactersThatTheReadModelsCouldNotStore() {
            fixture.givenNoPriorActivity()
                    .when(new CreateTaskCommand(TASK, details("nul\u0000byte")), AS_OWNER)
                    .expectException(TaskRuleViolationException.class)
                    .expectExceptionMessage("title must not contain control characters");
            var multiLine = new TaskDetails("t", "line one\nline two\tindented", null, null, null, null, null, null);
            fixture.givenNoPriorActivity()
                    .when(new CreateTaskCommand(TASK, multiLine), AS_OWNER)
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void rejectsADueDateOutsideTheYears1900To9999() {
            var farFuture = new TaskDetails("t", null, null, null, Instant.parse("+10000-01-01T00:00:00Z"), null, null, null);
            fixture.givenNoPriorActivity()
                    .when(new CreateTaskCommand(TASK, farFuture), AS_OWNER)
                    .expectException(TaskRuleViolationException.class)
                    .expectExceptionMessage("dueAt must lie between the years 1900 and 9999");
        }

        @Test
        void rejectsAnUnknownTimeZone() {
            var badZone = new TaskDetails("t", null, null, null, DUE, "Mars/Olympus", null, null);
            fixture.givenNoPriorActivity()
                    .when(new CreateTaskCommand(TASK, badZone), AS_OWNER)
                    .expectException(TaskRuleViolationException.class)
                    .expectExceptionMessage("not a known IANA time zone: Mars/Olympus");
        }

        @Test
        void rejectsANegativeReminderLeadTime() {
            var negative = new TaskDetails("t", null, null, null, DUE, null, -5, null);
            fixture.givenNoPriorActivity()
                    .when(new CreateTaskCommand(TASK, negative), AS_OWNER)
                    .expectException(TaskRuleViolationException.class);
        }

        @Test
        void rejectsARecurrenceWithoutADueDate() {
            var noDue = new TaskDetails("t", null, null, null, null, null, null,
                    new Recurrence("FREQ=DAILY", RecurrenceAnchor.DUE));
            fixture.givenNoPriorActivity()
                    .when(new CreateTaskCommand(TASK, noDue), AS_OWNER)
                    .expectException(TaskRuleViolationException.class)
                    .expectExceptionMessage("a recurring task needs a due date");
        }
    }

    @Nested
    class BecomingRecurring {

        private static final Recurrence DAILY = new Recurrence("FREQ=DAILY", RecurrenceAnchor.DUE);
        private static final Recurrence WEEKLY = new Recurrence("FREQ=WEEKLY", RecurrenceAnchor.DUE);

        private TaskDetails dueWith(Recurrence recurrence) {
            return new TaskDetails("t", "", TaskPriority.NONE, List.of(), DUE, "UTC", 60, recurrence);
        }

        private TaskDetails onlyRecurrence(Recurrence recurrence) {
            return new TaskDetails(null, null, null, null, null, null, null, recurrence);
        }

        private TaskBecameRecurringEvent becameRecurring(Recurrence recurrence, SeriesLink series) {
            return new TaskBecameRecurringEvent(TASK, OWNER, dueWith(recurrence), series);
        }

        @Test
        void aPlainTaskIsCreatedWithoutASeries() {
            fixture.givenNoPriorActivity()
                    .when(new CreateTaskCommand(TASK, dueWith(null)), AS_OWNER)
                    .expectEvents(new TaskCreatedEvent(TASK, OWNER, dueWith(null), null));
        }

        @Test
        void anOccurrenceCreatedForASeriesContinuesThatSeries() {
            SeriesLink third = new SeriesLink("series-1", "task-2", 3);
            fixture.givenNoPriorActivity()
                    .when(new CreateTaskCommand(TASK, dueWith(DAILY), third), AS_OWNER)
                    .expectEvents(new TaskCreatedEvent(TASK, OWNER, dueWith(DAILY), third),
                            becameRecurring(DAILY, third));
        }

        @Test
        void givingATaskARecurrenceByAnEditStartsASeriesAtIt() {
            fixture.given(new TaskCreatedEvent(TASK, OWNER, dueWith(null), null))
                    .when(update(Set.of(TaskField.RECURRENCE), onlyRecurrence(WEEKLY)), AS_OWNER)
                    .expectEvents(new TaskUpdatedEvent(TASK, OWNER, Set.of(TaskField.RECURRENCE), onlyRecurrence(WEEKLY)),
                            becameRecurring(WEEKLY, new SeriesLink(TASK, null, 1)))
                    .expectResultMessagePayloadMatching(atVersion(2));
        }

        @Test
        void changingTheRuleOfARecurringTaskKeepsItsSeries() {
            fixture.given(new TaskCreatedEvent(TASK, OWNER, dueWith(DAILY), null),
                            becameRecurring(DAILY, new SeriesLink(TASK, null, 1)))
                    .when(update(Set.of(TaskField.RECURRENCE), onlyRecurrence(WEEKLY)), AS_OWNER)
                    .expectEvents(new TaskUpdatedEvent(TASK, OWNER, Set.of(TaskField.RECURRENCE), onlyRecurrence(WEEKLY)));
        }

        @Test
        void aRecurrenceRemovedAndAddedAgainMakesTheTaskRecurringAgainAtItsPlaceInTheSeries() {
            SeriesLink third = new SeriesLink("series-1", "task-2", 3);
            fixture.given(new TaskCreatedEvent(TASK, OWNER, dueWith(DAILY), third), becameRecurring(DAILY, third),
                            new TaskUpdatedEvent(TASK, OWNER, Set.of(TaskField.RECURRENCE), onlyRecurrence(null)))
                    .when(update(Set.of(TaskField.RECURRENCE), onlyRecurrence(WEEKLY)), AS_OWNER)
                    .expectEvents(new TaskUpdatedEvent(TASK, OWNER, Set.of(TaskField.RECURRENCE), onlyRecurrence(WEEKLY)),
                            becameRecurring(WEEKLY, third));
        }

        @Test
        void recordingTheNextOccurrenceOnATaskDeletedSinceItsCompletionChangesNothing() {
            fixture.given(new TaskCreatedEvent(TASK, OWNER, dueWith(DAILY), null),
                            becameRecurring(DAILY, new SeriesLink(TASK, null, 1)),
                            new TaskCompletedEvent(TASK, OWNER, NOW), new TaskDeletedEvent(TASK, OWNER))
                    .when(new RecordNextOccurrenceCommand(TASK, "task-2", DUE.plusSeconds(86_400)), AS_OWNER)
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void aTaskWhoseSeriesAlreadyWentOnStartsNoSecondSeries() {
            fixture.given(new TaskCreatedEvent(TASK, OWNER, dueWith(DAILY), null),
                            becameRecurring(DAILY, new SeriesLink(TASK, null, 1)),
                            new TaskCompletedEvent(TASK, OWNER, NOW),
                            new NextOccurrenceCreatedEvent(TASK, OWNER, "task-2", DUE.plusSeconds(86_400)),
                            new TaskUpdatedEvent(TASK, OWNER, Set.of(TaskField.RECURRENCE), onlyRecurrence(null)))
                    .when(update(Set.of(TaskField.RECURRENCE), onlyRecurrence(DAILY)), AS_OWNER)
                    .expectEvents(new TaskUpdatedEvent(TASK, OWNER, Set.of(TaskField.RECURRENCE), onlyRecurrence(DAILY)));
        }
    }

    @Nested
    class Updating {

        @Test
        void recordsOnlyTheFieldsThatReallyChange() {
            var values = new TaskDetails("Buy milk", null, TaskPriority.HIGH, null, null, null, null, null);
            fixture.given(created())
                    .when(update(Set.of(TaskField.TITLE, TaskField.PRIORITY), values), AS_OWNER)
                    .expectEvents(new TaskUpdatedEvent(TASK, OWNER, Set.of(TaskField.PRIORITY),
                            new TaskDetails("Buy milk", null, TaskPriority.HIGH, null, null, null, null, null)))
                    .expectResultMessagePayloadMatching(atVersion(1));
        }

        @Test
        void anUpdateThatChangesNothingEmitsNothing() {
            fixture.given(created())
                    .when(update(Set.of(TaskField.TITLE), details(" Buy milk ")), AS_OWNER)
                    .expectNoEvents()
                    .expectResultMessagePayloadMatching(atVersion(0));
        }

        @Test
        void clearsTheDueDateWithANullValue() {
            var withDue = new TaskCreatedEvent(TASK, OWNER,
                    new TaskDetails("t", "", TaskPriority.NONE, List.of(), DUE, "UTC", 60, null), null);
            fixture.given(withDue)
                    .when(update(Set.of(TaskField.DUE_AT), details(null)), AS_OWNER)
                    .expectEvents(new TaskUpdatedEvent(TASK, OWNER, Set.of(TaskField.DUE_AT),
                            new TaskDetails(null, null, null, null, null, null, null, null)));
        }

        @Test
        void validatesTheNewValues() {
            fixture.given(created())
                    .when(update(Set.of(TaskField.TITLE), details("")), AS_OWNER)
                    .expectException(TaskRuleViolationException.class)
                    .expectNoEvents();
        }

        @Test
        void keepsTheDueDateOfARecurringTask() {
            var recurring = new TaskCreatedEvent(TASK, OWNER, new TaskDetails("t", "", TaskPriority.NONE, List.of(),
                    DUE, "UTC", 60, new Recurrence("FREQ=DAILY", RecurrenceAnchor.DUE)), null);
            fixture.given(recurring)
                    .when(update(Set.of(TaskField.DUE_AT), details(null)), AS_OWNER)
                    .expectException(TaskRuleViolationException.class)
                    .expectNoEvents();
        }

        @Test
        void withAStaleExpectedVersionIsRejected() {
            fixture.given(created(), new TaskCompletedEvent(TASK, OWNER, NOW))
                    .when(new UpdateTaskCommand(TASK, 0L, Set.of(TaskField.TITLE), details("New")), AS_OWNER)
                    .expectException(ConflictingAggregateVersionException.class)
                    .expectNoEvents();
        }

        @Test
        void withTheCurrentExpectedVersionSucceeds() {
            fixture.given(created(), new TaskCompletedEvent(TASK, OWNER, NOW))
                    .when(new UpdateTaskCommand(TASK, 1L, Set.of(TaskField.TITLE), details("New")), AS_OWNER)
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayloadMatching(atVersion(2));
        }
    }

    @Nested
    class CompletingAndReopening {

        @Test
        void completingRecordsWhen() {
            fixture.given(created())
                    .when(new CompleteTaskCommand(TASK, null), AS_OWNER)
                    .expectEvents(new TaskCompletedEvent(TASK, OWNER, NOW));
        }

        @Test
        void completingACompletedTaskIsANoOp() {
            fixture.given(created(), new TaskCompletedEvent(TASK, OWNER, NOW))
                    .when(new CompleteTaskCommand(TASK, null), AS_OWNER)
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void reopeningACompletedTaskOpensIt() {
            fixture.given(created(), new TaskCompletedEvent(TASK, OWNER, NOW))
                    .when(new ReopenTaskCommand(TASK, null), AS_OWNER)
                    .expectEvents(new TaskReopenedEvent(TASK, OWNER));
        }

        @Test
        void theVersionCountsEveryEvent() {
            fixture.given(created(), new TaskCompletedEvent(TASK, OWNER, NOW), new TaskReopenedEvent(TASK, OWNER))
                    .when(new CompleteTaskCommand(TASK, null), AS_OWNER)
                    .expectResultMessagePayloadMatching(atVersion(3));
        }

        @Test
        void reopeningAnOpenTaskIsANoOp() {
            fixture.given(created())
                    .when(new ReopenTaskCommand(TASK, null), AS_OWNER)
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }
    }

    @Nested
    class Deleting {

        @Test
        void deletingRecordsIt() {
            fixture.given(created())
                    .when(new DeleteTaskCommand(TASK, null), AS_OWNER)
                    .expectEvents(new TaskDeletedEvent(TASK, OWNER));
        }

        @Test
        void aDeletedTaskCannotBeChanged() {
            fixture.given(created(), new TaskDeletedEvent(TASK, OWNER))
                    .when(update(Set.of(TaskField.TITLE), details("Again")), AS_OWNER)
                    .expectException(TaskNotFoundException.class)
                    .expectNoEvents();
        }

        @Test
        void aDeletedTaskCannotBeCompletedOrDeletedAgain() {
            fixture.given(created(), new TaskDeletedEvent(TASK, OWNER))
                    .when(new CompleteTaskCommand(TASK, null), AS_OWNER)
                    .expectException(TaskNotFoundException.class);
            fixture.given(created(), new TaskDeletedEvent(TASK, OWNER))
                    .when(new DeleteTaskCommand(TASK, null), AS_OWNER)
                    .expectException(TaskNotFoundException.class);
        }
    }

    @Nested
    class Ownership {

        @Test
        void onlyTheOwnerMayUpdate() {
            fixture.given(created())
                    .when(update(Set.of(TaskField.TITLE), details("Mine now")), AS_STRANGER)
                    .expectException(TaskNotFoundException.class)
                    .expectNoEvents();
        }

        @Test
        void onlyTheOwnerMayCompleteReopenOrDelete() {
            fixture.given(created())
                    .when(new CompleteTaskCommand(TASK, null), AS_STRANGER)
                    .expectException(TaskNotFoundException.class);
            fixture.given(created(), new TaskCompletedEvent(TASK, OWNER, NOW))
                    .when(new ReopenTaskCommand(TASK, null), AS_STRANGER)
                    .expectException(TaskNotFoundException.class);
            fixture.given(created())
                    .when(new DeleteTaskCommand(TASK, null), AS_STRANGER)
                    .expectException(TaskNotFoundException.class);
        }

        @Test
        void aCommandWithoutAUserIsRefused() {
            fixture.given(created())
                    .when(new CompleteTaskCommand(TASK, null))
                    .expectException(TaskNotFoundException.class);
        }
    }

}
