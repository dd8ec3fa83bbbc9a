package io.tasklog.app.auth;

import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A login or register attempt over the rate limit (429, with {@code Retry-After}: when the next one is allowed). */
class TooManyAttemptsException extends ErrorResponseException {

    private final Duration retryAfter;

    TooManyAttemptsException(Duration retryAfter) {
        super(HttpStatus.TOO_MANY_REQUESTS);
        setTitle("Too many attempts");
        setDetail("Too many login or registration attempts; try again in " + seconds(retryAfter) + " s.");
        getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds(retryAfter)));
        this.retryAfter = retryAfter;
    }

    long retryAfterSeconds() {
        return seconds(retryAfter);
    }

    /** Whole seconds, rounded up and at least one (the unit of {@code Retry-After}). */
    private static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
