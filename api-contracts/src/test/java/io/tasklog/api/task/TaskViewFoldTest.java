package io.tasklog.api.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The fold of a task's events into its view, as a specification: the aggregate, the {@code task_view}
 * projection and time travel all rely on exactly these rules.
 */
class TaskViewFoldTest {

    static final String TASK = "task-1";
    static final String OWNER = "user-1";
    static final Instant CREATED_AT = Instant.parse("2026-03-01T09:00:00Z");
    static final Instant LATER = Instant.parse("2026-03-02T10:00:00Z");
    static final Instant DUE = Instant.parse("2026-03-10T08:00:00Z");
    static final Recurrence WEEKLY = new Recurrence("FREQ=WEEKLY", RecurrenceAnchor.DUE);
    static final TaskDetails DETAILS = new TaskDetails("Pay rent", "before the 10th", TaskPriority.HIGH,
            List.of("home", "money"), DUE, "Europe/Berlin", 60, WEEKLY);

    static TaskView created() {
        return TaskViewFold.apply(null, new TaskCreatedEvent(TASK, OWNER, DETAILS, null), 0, CREATED_AT);
    }

    static TaskView completed() {
        return TaskViewFold.apply(created(), new TaskCompletedEvent(TASK, OWNER, LATER.minusSeconds(5)), 1, LATER);
    }

    @Nested
    class Creation {

        @Test
        void aCreatedTaskIsOpenWithTheEventsContentAtTheEventsVersionAndTime() {
            TaskView view = created();

            assertThat(view.id()).isEqualTo(TASK);
            assertThat(view.ownerId()).isEqualTo(OWNER);
            assertThat(TaskViewFold.details(view)).isEqualTo(DETAILS);
            assertThat(view.status()).isEqualTo(TaskStatus.OPEN);
            assertThat(view.completedAt()).isNull();
            assertThat(view.createdAt()).isEqualTo(CREATED_AT);
            assertThat(view.updatedAt()).isEqualTo(CREATED_AT);
            assertThat(view.version()).isZero();
        }

        @Test
        void timesAreTheStoredOnesToTheMillisecondSoTheWritersAnswerEqualsEveryLaterRead() {
            Instant live = Instant.parse("2026-03-01T09:00:00.614314298Z");
            Instant stored = Instant.parse("2026-03-01T09:00:00.614Z"); // what the event store gives back

            TaskView answered = TaskViewFold.apply(null, new TaskCreatedEvent(TASK, OWNER, DETAILS, null), 0, live);
            TaskView readLater = TaskViewFold.apply(null, new TaskCreatedEvent(TASK, OWNER, DETAILS, null), 0, stored);

            assertThat(answered).isEqualTo(readLater);
            assertThat(TaskViewFold.apply(answered, new TaskUpdatedEvent(TASK, OWNER, Set.of(TaskField.TITLE),
                    DETAILS.withChanges(Set.of(TaskField.TITLE), DETAILS)), 1, live.plusNanos(1)).updatedAt())
                    .isEqualTo(stored);
        }

        @Test
        void aTaskWithoutASeriesLinkBelongsToNoSeries() {
            assertThat(created().seriesId()).isNull();
            assertThat(created().previousOccurrenceId()).isNull();
        }

        @Test
        void aLaterOccurrenceNamesItsSeriesAndThePreviousOccurrence() {
            TaskView view = TaskViewFold.apply(null,
                    new TaskCreatedEvent(TASK, OWNER, DETAILS, new SeriesLink("series-1", "task-0", 2)), 0, CREATED_AT);

            assertThat(view.seriesId()).isEqualTo("series-1");
            assertThat(view.previousOccurrenceId()).isEqualTo("task-0");
        }

        @Test
        void aCreationStartsFromScratchWhateverCameBefore() {
            TaskView view = TaskViewFold.apply(completed(), new TaskCreatedEvent(TASK, OWNER, DETAILS, null), 0, LATER);

            assertThat(view.status()).isEqualTo(TaskStatus.OPEN);
            assertThat(view.createdAt()).isEqualTo(LATER);
            assertThat(view.version()).isZero();
        }
    }

    @Nested
    class Updates {

        @Test
        void onlyTheNamedFieldsChangeEvenToNull() {
            TaskDetails values = new TaskDetails("Pay the rent", "ignored: not named", null, null, null, null, 0, null);
            TaskView view = TaskViewFold.apply(created(), new TaskUpdatedEvent(TASK, OWNER,
                    Set.of(TaskField.TITLE, TaskField.DUE_AT, TaskField.REMIND_BEFORE_MINUTES, TaskField.RECURRENCE),
                    values), 1, LATER);

            assertThat(view.title()).isEqualTo("Pay the rent");
            assertThat(view.dueAt()).isNull();
            assertThat(view.remindBeforeMinutes()).isZero();
            assertThat(view.recurrence()).isNull();
            assertThat(view.description()).isEqualTo(DETAILS.description());
            assertThat(view.priority()).isEqualTo(DETAILS.priority());
            assertThat(view.tags()).isEqualTo(DETAILS.tags());
            assertThat(view.timeZone()).isEqualTo(DETAILS.timeZone());
        }

        @Test
        void everyFieldCanBeUpdated() {
            TaskDetails values = new TaskDetails("t", "d", TaskPriority.LOW, List.of("x"), LATER, "UTC", 5,
                    new Recurrence("FREQ=DAILY", RecurrenceAnchor.COMPLETION));
            TaskView view = TaskViewFold.apply(created(),
                    new TaskUpdatedEvent(TASK, OWNER, Set.of(TaskField.values()), values), 1, LATER);

            assertThat(TaskViewFold.details(view)).isEqualTo(values);
        }

        @Test
        void anUpdateMovesUpdatedAtAndTheVersionButKeepsStatusAndCreation() {
            TaskView view = TaskViewFold.apply(completed(), new TaskUpdatedEvent(TASK, OWNER, Set.of(TaskField.TITLE),
                    new TaskDetails("x", null, null, null, null, null, null, null)), 2, LATER.plusSeconds(60));

            assertThat(view.updatedAt()).isEqualTo(LATER.plusSeconds(60));
            assertThat(view.version()).isEqualTo(2);
            assertThat(view.status()).isEqualTo(TaskStatus.COMPLETED);
            assertThat(view.completedAt()).isEqualTo(completed().completedAt());
            assertThat(view.createdAt()).isEqualTo(CREATED_AT);
        }

        @Test
        void anUpdateNamingNoFieldChangesNoContent() {
            TaskView view = TaskViewFold.apply(created(), new TaskUpdatedEvent(TASK, OWNER, Set.of(),
                    new TaskDetails(null, null, null, null, null, null, null, null)), 1, LATER);

            assertThat(TaskViewFold.details(view)).isEqualTo(DETAILS);
            assertThat(view.updatedAt()).isEqualTo(LATER);
        }
    }

    @Nested
    class CompletionAndReopening {

        @Test
        void completingRecordsTheEventsCompletionTimeAndMovesUpdatedAtToTheStorageTime() {
            TaskView view = completed();

            assertThat(view.status()).isEqualTo(TaskStatus.COMPLETED);
            assertThat(view.completedAt()).isEqualTo(LATER.minusSeconds(5));
            assertThat(view.updatedAt()).isEqualTo(LATER);
            assertThat(view.version()).isEqualTo(1);
            assertThat(TaskViewFold.details(view)).isEqualTo(DETAILS);
        }

        @Test
        void reopeningClearsTheCompletionTime() {
            TaskView view = TaskViewFold.apply(completed(), new TaskReopenedEvent(TASK, OWNER), 2, LATER.plusSeconds(1));

            assertThat(view.status()).isEqualTo(TaskStatus.OPEN);
            assertThat(view.completedAt()).isNull();
            assertThat(view.updatedAt()).isEqualTo(LATER.plusSeconds(1));
            assertThat(view.version()).isEqualTo(2);
            assertThat(view.createdAt()).isEqualTo(CREATED_AT);
        }
    }

    @Nested
    class Deletion {

        @Test
        void aDeletedTaskHasNoView() {
            assertThat(TaskViewFold.apply(completed(), new TaskDeletedEvent(TASK, OWNER), 2, LATER)).isNull();
        }

        @Test
        void nothingAfterADeletionBringsTheTaskBack() {
            TaskView deleted = TaskViewFold.apply(created(), new TaskDeletedEvent(TASK, OWNER), 1, LATER);

            assertThat(TaskViewFold.apply(deleted, new TaskReopenedEvent(TASK, OWNER), 2, LATER)).isNull();
            assertThat(TaskViewFold.apply(deleted, new TaskUpdatedEvent(TASK, OWNER, Set.of(TaskField.TITLE),
                    DETAILS), 2, LATER)).isNull();
            assertThat(TaskViewFold.apply(deleted, reminderDue(), 2, LATER)).isNull();
        }
    }

    @Nested
    class EventsThatDoNotChangeTheView {

        @Test
        void remindersSnoozesOverdueSeriesAndNextOccurrencesOnlyMoveTheVersion() {
            List<Object> events = List.of(reminderDue(),
                    new TaskBecameOverdueEvent(TASK, OWNER, DETAILS.title(), DUE, "Europe/Berlin", "overdue:" + DUE),
                    new TaskReminderSnoozedEvent(TASK, OWNER, "notification-1", LATER.plusSeconds(600)),
                    new NextOccurrenceCreatedEvent(TASK, OWNER, "task-2", DUE.plusSeconds(7 * 86_400)),
                    new TaskBecameRecurringEvent(TASK, OWNER, DETAILS, new SeriesLink(TASK, null, 1)));
            TaskView before = completed();
            for (Object event : events) {
                TaskView after = TaskViewFold.apply(before, event, 7, LATER.plusSeconds(3600));

                assertThat(after).as(event.getClass().getSimpleName()).usingRecursiveComparison()
                        .ignoringFields("version").isEqualTo(before);
                assertThat(after.version()).as(event.getClass().getSimpleName()).isEqualTo(7);
                assertThat(after.updatedAt()).as("updatedAt is the last change of content or status")
                        .isEqualTo(LATER);
            }
        }

        @Test
        void anUnknownEventIsFoldedLikeOneThatChangesNothing() {
            TaskView view = TaskViewFold.apply(created(), "a future event type", 3, LATER);

            assertThat(view).usingRecursiveComparison().ignoringFields("version").isEqualTo(created());
            assertThat(view.version()).isEqualTo(3);
        }
    }

    @Nested
    class EventsBeforeCreation {

        @Test
        void anyEventButACreationLeavesATaskThatDoesNotExistWithoutAView() {
            List<Object> events = List.of(new TaskUpdatedEvent(TASK, OWNER, Set.of(TaskField.TITLE), DETAILS),
                    new TaskCompletedEvent(TASK, OWNER, LATER), new TaskReopenedEvent(TASK, OWNER),
                    new TaskDeletedEvent(TASK, OWNER), reminderDue(),
                    new TaskBecameRecurringEvent(TASK, OWNER, DETAILS, new SeriesLink(TASK, null, 1)));
            for (Object event : events) {
                assertThat(TaskViewFold.apply(null, event, 1, LATER)).as(event.getClass().getSimpleName()).isNull();
            }
        }
    }

    @Nested
    class AWholeHistory {

        @Test
        void foldingEveryEventInOrderGivesTheLatestState() {
            List<Object> history = List.of(new TaskCreatedEvent(TASK, OWNER, DETAILS, null),
                    new TaskUpdatedEvent(TASK, OWNER, Set.of(TaskField.PRIORITY),
                            new TaskDetails(null, null, TaskPriority.URGENT, null, null, null, null, null)),
                    reminderDue(),
                    new TaskCompletedEvent(TASK, OWNER, LATER),
                    new TaskReopenedEvent(TASK, OWNER),
                    new TaskCompletedEvent(TASK, OWNER, LATER.plusSeconds(30)));
            TaskView view = null;
            for (int sequence = 0; sequence < history.size(); sequence++) {
                view = TaskViewFold.apply(view, history.get(sequence), sequence, CREATED_AT.plusSeconds(sequence));
            }

            assertThat(view.priority()).isEqualTo(TaskPriority.URGENT);
            assertThat(view.status()).isEqualTo(TaskStatus.COMPLETED);
            assertThat(view.completedAt()).isEqualTo(LATER.plusSeconds(30));
            assertThat(view.createdAt()).isEqualTo(CREATED_AT);
            assertThat(view.updatedAt()).isEqualTo(CREATED_AT.plusSeconds(5));
            assertThat(view.version()).isEqualTo(5);
        }
    }

    static TaskReminderDueEvent reminderDue() {
        return new TaskReminderDueEvent(TASK, OWNER, DETAILS.title(), DUE, "Europe/Berlin", 60, "upcoming:" + DUE);
    }
}
