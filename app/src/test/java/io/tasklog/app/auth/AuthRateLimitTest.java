package io.tasklog.app.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AuthRateLimitTest {

    private final FakeTime time = new FakeTime();
    private final AuthRateLimit limit =
            new AuthRateLimit(new AuthRateLimitProperties(true, 3, 2, Duration.ofMinutes(1)), time);

    @Test
    void anAccountGetsItsAttemptsBackEvenlyOverTheWindow() {
        limit.attempt("10.0.0.1", "a@example.com");
        limit.attempt("10.0.0.2", "A@Example.com ");

        assertThatThrownBy(() -> limit.attempt("10.0.0.3", "a@example.com"))
                .isInstanceOfSatisfying(TooManyAttemptsException.class,
                        e -> assertThat(e.retryAfterSeconds()).isEqualTo(30));

        time.advance(Duration.ofSeconds(29));
        assertThatThrownBy(() -> limit.attempt("10.0.0.4", "a@example.com"))
                .isInstanceOfSatisfying(TooManyAttemptsException.class,
                        e -> assertThat(e.retryAfterSeconds()).isEqualTo(1));
        time.advance(Duration.ofSeconds(1));
        assertThatCode(() -> limit.attempt("10.0.0.5", "a@example.com")).doesNotThrowAnyException();
    }

    @Test
    void anAddressIsLimitedAcrossAccounts() {
        limit.attempt("10.0.0.1", "a@example.com");
        limit.attempt("10.0.0.1", "b@example.com");
        limit.attempt("10.0.0.1", "c@example.com");

        assertThatThrownBy(() -> limit.attempt("10.0.0.1", "d@example.com"))
                .isInstanceOf(TooManyAttemptsException.class);
        assertThatCode(() -> limit.attempt("10.0.0.2", "d@example.com")).doesNotThrowAnyException();
    }

    @Test
    void switchedOffItNeverRefuses() {
        AuthRateLimit off = new AuthRateLimit(new AuthRateLimitProperties(false, 1, 1, Duration.ofHours(1)), time);

        assertThatCode(() -> {
            for (int i = 0; i < 100; i++) {
                off.attempt("10.0.0.1", "a@example.com");
            }
        }).doesNotThrowAnyException();
    }

    /** Bucket4j's clock, moved by the test. */
    private static final class FakeTime implements TimeMeter {
        private long nanos;

        void advance(Duration d) {
            nanos += d.toNanos();
        }

        @Override
        public long currentTimeNanos() {
            return nanos;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    }
}
