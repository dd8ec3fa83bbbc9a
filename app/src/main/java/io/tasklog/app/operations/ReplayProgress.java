package io.tasklog.app.operations;

import java.time.Duration;
import java.time.Instant;

/**
 * Progress of a projection rebuild: {@code position} events of {@code total} folded so far, the current
 * rate and the estimated time left. {@code state}: running, completed, failed or interrupted. A dry run
 * only reads and deserialises the events (the ceiling a rebuild can reach), folding and replacing nothing.
 */
public record ReplayProgress(String state, String from, boolean dryRun, long position, long total, double eventsPerSecond,
                             Duration eta, Instant startedAt, Instant finishedAt, String message) {

    public static final String RUNNING = "running";
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";
    public static final String INTERRUPTED = "interrupted";

    public boolean isActive() {
        return RUNNING.equals(state);
    }
}
