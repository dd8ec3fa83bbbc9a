package io.tasklog.app.auth;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tasklog.security.auth-rate-limit.*}: login and register attempts allowed per client address and per
 * account (email) within {@code window}, refilled evenly (20 per minute = one more every 3 s). Counting every
 * attempt, not only failed ones, also caps the password hashing a client can make the server do.
 *
 * @param enabled    {@code false} for load tests and benchmarks that register many users from one address
 * @param perAddress attempts per client address (behind a proxy, set {@code server.forward-headers-strategy})
 * @param perAccount attempts per email: slows password guessing against one account from many addresses
 * @param window     the period over which the attempts refill
 */
@ConfigurationProperties("tasklog.security.auth-rate-limit")
public record AuthRateLimitProperties(@DefaultValue("true") boolean enabled,
                                      @DefaultValue("20") int perAddress,
                                      @DefaultValue("5") int perAccount,
                                      @DefaultValue("1m") Duration window) {

    public AuthRateLimitProperties {
        if (perAddress < 1 || perAccount < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalStateException(
                    "tasklog.security.auth-rate-limit: per-address and per-account must be >= 1 and window positive");
        }
    }
}
