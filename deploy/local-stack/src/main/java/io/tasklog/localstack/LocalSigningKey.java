package io.tasklog.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The local stack's token signing key, generated once and kept in the data directory, so that logged-in
 * browsers stay logged in across restarts of the stack (the app alone would generate one per process).
 */
final class LocalSigningKey {

    private LocalSigningKey() {
    }

    static String readOrCreate(Path dataDirectory) {
        Path file = dataDirectory.resolve("jwt-secret");
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.US_ASCII).strip();
            }
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            String encoded = Base64.getEncoder().encodeToString(key);
            Files.createDirectories(dataDirectory);
            Files.writeString(file, encoded, StandardCharsets.US_ASCII);
            return encoded;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the signing key in " + file, e);
        }
    }
}
