package io.tasklog.app.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tasklog.security.*}: the HMAC key that signs access tokens (base64, at least 32 bytes; when
 * empty a random development key is generated at start-up, and tokens die with the process) and how
 * long a token lives.
 */
@ConfigurationProperties("tasklog.security")
public record JwtProperties(String jwtSecret, @DefaultValue("12h") Duration tokenTtl,
                            @DefaultValue("tasklog") String issuer) {
}
