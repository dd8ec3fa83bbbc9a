package io.tasklog.app.operations;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One event processor as an operator sees it (admin API, {@code tasklog-admin processors}, health).
 * {@code lag} is how many events it is behind the head of its source (the event store for the Kafka
 * publisher and the saga, topic {@code task-events} for the projections), summed over its segments;
 * {@code replay} is the progress of a running or last rebuild, when there is one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProcessorStatus(String name, String status, boolean replaying, int segments, long lag,
                              long deadLetters, ReplayProgress replay) {

    public static final String RUNNING = "running";
    public static final String REPLAYING = "replaying";
    public static final String STOPPED = "stopped";
    public static final String ERROR = "error";

    public ProcessorStatus withReplay(ReplayProgress progress) {
        boolean active = progress != null && progress.isActive();
        return new ProcessorStatus(name, active && !ERROR.equals(status) ? REPLAYING : status, replaying || active,
                segments, lag, deadLetters, progress);
    }
}
