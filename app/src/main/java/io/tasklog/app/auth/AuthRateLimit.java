package io.tasklog.app.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Token buckets (Bucket4j) for login and register, one per client address and one per account. Kept in this
 * instance's memory: with several instances a client gets the limit on each, which still bounds guessing.
 */
@Component
public class AuthRateLimit {

    /** Keys held at most; an attacker rotating addresses or emails cannot grow the heap beyond this. */
    private static final int MAX_KEYS = 100_000;

    private final AuthRateLimitProperties properties;
    private final TimeMeter time;
    private final Cache<String, Bucket> byAddress;
    private final Cache<String, Bucket> byAccount;

    @Autowired
    public AuthRateLimit(AuthRateLimitProperties properties) {
        this(properties, TimeMeter.SYSTEM_MILLISECONDS);
    }

    AuthRateLimit(AuthRateLimitProperties properties, TimeMeter time) {
        this.properties = properties;
        this.time = time;
        this.byAddress = buckets(properties.window());
        this.byAccount = buckets(properties.window());
    }

    /**
     * Takes one attempt from the address's and the account's bucket.
     *
     * @throws TooManyAttemptsException when either is empty, saying when to retry
     */
    void attempt(String clientAddress, String email) {
        if (!properties.enabled()) {
            return;
        }
        take(byAddress, String.valueOf(clientAddress), properties.perAddress());
        take(byAccount, email == null ? "" : email.strip().toLowerCase(Locale.ROOT), properties.perAccount());
    }

    private void take(Cache<String, Bucket> buckets, String key, int attempts) {
        ConsumptionProbe probe = buckets.get(key, k -> bucket(attempts)).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new TooManyAttemptsException(Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }

    private Bucket bucket(int attempts) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(attempts).refillGreedy(attempts, properties.window()).build())
                .withCustomTimePrecision(time)
                .build();
    }

    /** A bucket untouched for a whole window is full again, so forgetting it then loses nothing. */
    private static Cache<String, Bucket> buckets(Duration window) {
        return Caffeine.newBuilder().expireAfterAccess(window).maximumSize(MAX_KEYS).build();
    }
}
