package io.tasklog.app;

import static io.tasklog.app.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.tasklog.app.support.ApiClient.Response;
import io.tasklog.app.support.IntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * Login and register are rate-limited per account and per client address (here: small limits over an hour,
 * so nothing refills while the test runs): the attempt over a limit gets a 429 problem with Retry-After and
 * does nothing, even with the right password.
 */
@TestPropertySource(properties = {
        "tasklog.security.auth-rate-limit.enabled=true",
        "tasklog.security.auth-rate-limit.per-address=5",
        "tasklog.security.auth-rate-limit.per-account=2",
        "tasklog.security.auth-rate-limit.window=1h"})
@DirtiesContext
class AuthRateLimitIT extends IntegrationTest {

    private static final String PASSWORD = "correct horse battery";

    @Test
    void attemptsOverTheAccountsAndThenTheAddresssLimitGet429WithRetryAfter() {
        String alice = "alice-" + UUID.randomUUID() + "@example.com";
        assertThat(register(alice).status()).isEqualTo(201);                   // address 1, alice 1
        assertThat(login(alice, "wrong password").status()).isEqualTo(401);    // address 2, alice 2

        Response overAccount = login(alice, PASSWORD);                          // address 3, alice over
        assertProblem("alice's third attempt", overAccount, 429);
        // two attempts per hour: the next one comes back in half an hour
        assertThat(retryAfterSeconds(overAccount)).isBetween(1_700L, 1_800L);
        assertThat(overAccount.json().has("token")).isFalse();

        assertThat(login("bob-" + UUID.randomUUID() + "@example.com", PASSWORD).status()).isEqualTo(401); // address 4
        assertThat(register("carol-" + UUID.randomUUID() + "@example.com").status()).isEqualTo(201);      // address 5

        String dave = "dave-" + UUID.randomUUID() + "@example.com";
        Response overAddress = register(dave);                                   // address over
        assertProblem("the address's sixth attempt", overAddress, 429);
        // five attempts per hour: the next one comes back in 12 minutes
        assertThat(retryAfterSeconds(overAddress)).isBetween(600L, 720L);
        assertThat(jdbc.sql("select count(*) from user_account where email = ?").param(dave).query(Long.class).single())
                .as("dave's account").isZero();
    }

    private Response register(String email) {
        return api.post("/api/auth/register", null, credentials(email, PASSWORD));
    }

    private Response login(String email, String password) {
        return api.post("/api/auth/login", null, credentials(email, password));
    }

    private static String credentials(String email, String password) {
        return "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}";
    }

    private static long retryAfterSeconds(Response r) {
        return Long.parseLong(r.header("Retry-After").orElseThrow());
    }
}
