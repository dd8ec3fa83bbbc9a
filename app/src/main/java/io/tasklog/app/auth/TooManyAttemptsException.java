package io.tasklog.app.auth;

import java.time.Duration;

/** A login or register attempt over the rate limit; {@code retryAfter} is when the next one is allowed. */
class TooManyAttemptsException extends RuntimeException {

    private final Duration retryAfter;

    TooManyAttemptsException(Duration retryAfter) {
        super("Too many login or registration attempts; try again in " + seconds(retryAfter) + " s.");
        this.retryAfter = retryAfter;
    }

    /** Whole seconds, rounded up and at least one (the unit of {@code Retry-After}). */
    long retryAfterSeconds() {
        return seconds(retryAfter);
    }

    private static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
