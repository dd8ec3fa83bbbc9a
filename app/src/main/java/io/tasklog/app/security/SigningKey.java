package io.tasklog.app.security;

import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HS256 key for access tokens, from configuration or, for development only, generated. */
final class SigningKey {

    private static final Logger log = LoggerFactory.getLogger(SigningKey.class);
    private static final int MIN_BYTES = 32;

    private SigningKey() {
    }

    static SecretKey from(JwtProperties properties) {
        byte[] key;
        if (properties.jwtSecret() == null || properties.jwtSecret().isBlank()) {
            key = new byte[MIN_BYTES];
            new SecureRandom().nextBytes(key);
            log.warn("""

                    *****************************************************************************
                    * tasklog.security.jwt-secret is not set: using a RANDOM DEVELOPMENT KEY.    *
                    * Tokens stop working when this process ends, and instances cannot share    *
                    * them. Set TASKLOG_SECURITY_JWT_SECRET (base64, >= 32 bytes) in production. *
                    *****************************************************************************""");
        } else {
            key = Base64.getDecoder().decode(properties.jwtSecret().strip());
            if (key.length < MIN_BYTES) {
                throw new IllegalStateException("tasklog.security.jwt-secret must decode to at least 32 bytes");
            }
        }
        return new SecretKeySpec(key, "HmacSHA256");
    }
}
