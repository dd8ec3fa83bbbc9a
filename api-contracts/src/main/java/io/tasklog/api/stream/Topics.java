package io.tasklog.api.stream;

/** The Kafka topics Tasklog publishes; their record formats are described in api-contracts/KAFKA-CONTRACT.md. */
public final class Topics {

    /** Every task domain event, CloudEvents binary mode, key = task id (so a task's events stay ordered). */
    public static final String TASK_EVENTS = "task-events";
    /** Small change records a projection publishes after its commit; every instance feeds its SSE clients from it. */
    public static final String TASK_UPDATES = "task-updates";

    /** CloudEvents extension carrying the acting user's id (Axon metadata {@code userId}). */
    public static final String ACTOR_EXTENSION = "tasklogactor";
    /** The CloudEvents {@code source} of every task event. */
    public static final String TASK_EVENTS_SOURCE = "/tasklog/tasks";

    private Topics() {
    }
}
