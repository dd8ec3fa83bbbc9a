package io.tasklog.app.security;

import java.time.Duration;
import java.util.Base64;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tasklog.security.*}: the HMAC key that signs access tokens, how long a token lives, and the issuer
 * ({@code iss}) every token carries and must carry to be accepted.
 *
 * <p>The key is required, and checked when the configuration is bound, so a misconfigured instance refuses to
 * start instead of running with a key of its own (its tokens would fail on every other instance). The local
 * stack passes a key it keeps in its data directory; nothing else has a fallback.
 */
@ConfigurationProperties("tasklog.security")
public record JwtProperties(String jwtSecret, @DefaultValue("12h") Duration tokenTtl,
                            @DefaultValue("tasklog") String issuer) {

    static final int MIN_KEY_BYTES = 32;

    public JwtProperties {
        signingKey(jwtSecret);
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalStateException("tasklog.security.issuer must not be empty");
        }
    }

    /** The decoded HS256 key. */
    byte[] signingKey() {
        return signingKey(jwtSecret);
    }

    private static byte[] signingKey(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException("""
                    tasklog.security.jwt-secret (env TASKLOG_SECURITY_JWT_SECRET) is not set. Every instance \
                    needs the same base64 key of at least 32 bytes to sign and check access tokens, e.g. \
                    TASKLOG_SECURITY_JWT_SECRET=$(openssl rand -base64 32). (The local stack sets one itself.)""");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(secret.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("tasklog.security.jwt-secret is not valid base64: " + e.getMessage());
        }
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalStateException("tasklog.security.jwt-secret must decode to at least " + MIN_KEY_BYTES
                    + " bytes, not " + key.length + " (e.g. openssl rand -base64 32)");
        }
        return key;
    }
}
