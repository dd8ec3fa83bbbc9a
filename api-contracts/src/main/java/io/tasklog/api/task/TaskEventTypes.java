package io.tasklog.api.task;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The stable external name of every task event: the CloudEvents {@code type} of its records on topic
 * {@code task-events} (api-contracts/KAFKA-CONTRACT.md). Consumers outside the JVM depend on these names,
 * so they never follow a Java rename: {@code io.tasklog.task.<what happened>.v<N>}, where N only grows when
 * the payload changes in a way an existing consumer cannot read (a field removed, renamed or re-meant).
 * Adding a field keeps the name.
 *
 * <p>A new event type must be added here; the golden-event tests fail until it is.
 */
public final class TaskEventTypes {

    private static final Map<Class<? extends TaskEvent>, String> NAMES = Map.of(
            TaskCreatedEvent.class, "io.tasklog.task.created.v1",
            TaskUpdatedEvent.class, "io.tasklog.task.updated.v1",
            TaskCompletedEvent.class, "io.tasklog.task.completed.v1",
            TaskReopenedEvent.class, "io.tasklog.task.reopened.v1",
            TaskDeletedEvent.class, "io.tasklog.task.deleted.v1",
            TaskBecameRecurringEvent.class, "io.tasklog.task.became_recurring.v1",
            NextOccurrenceCreatedEvent.class, "io.tasklog.task.next_occurrence_created.v1",
            TaskReminderDueEvent.class, "io.tasklog.task.reminder_due.v1",
            TaskReminderSnoozedEvent.class, "io.tasklog.task.reminder_snoozed.v1",
            TaskBecameOverdueEvent.class, "io.tasklog.task.became_overdue.v1");

    private static final Map<String, String> NAME_BY_JAVA_TYPE = NAMES.entrySet().stream()
            .collect(Collectors.toUnmodifiableMap(entry -> entry.getKey().getName(), Map.Entry::getValue));
    private static final Map<String, String> JAVA_TYPE_BY_NAME = NAME_BY_JAVA_TYPE.entrySet().stream()
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getValue, Map.Entry::getKey));

    private TaskEventTypes() {
    }

    /** Every event type with its external name. */
    public static Map<Class<? extends TaskEvent>, String> all() {
        return NAMES;
    }

    /** The external name of an event type; fails for a type that has none (a missing entry above). */
    public static String nameOf(Class<? extends TaskEvent> type) {
        return Optional.ofNullable(NAMES.get(type))
                .orElseThrow(() -> new IllegalArgumentException(type.getName() + " has no external name"));
    }

    /** The external name of the event type with this Java class name, if it is a task event. */
    public static Optional<String> nameOfJavaType(String javaTypeName) {
        return Optional.ofNullable(NAME_BY_JAVA_TYPE.get(javaTypeName));
    }

    /** The Java class name behind an external name, if it is one. */
    public static Optional<String> javaTypeOf(String name) {
        return Optional.ofNullable(JAVA_TYPE_BY_NAME.get(name));
    }
}
