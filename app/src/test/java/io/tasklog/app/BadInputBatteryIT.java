package io.tasklog.app;

import static io.tasklog.app.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.tasklog.app.support.ApiClient.Response;
import io.tasklog.app.support.IntegrationTest;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A battery of malformed, out-of-range and unauthorised requests: each gets a 4xx with an RFC 7807
 * body and no stack trace, none gets a 5xx, and the event store is unchanged afterwards.
 */
class BadInputBatteryIT extends IntegrationTest {

    @Autowired
    private JwtEncoder encoder;

    private record Case(String method, String path, String body, Map<String, String> headers, int expected) {
        static Case of(String method, String path, String body, int expected) {
            return new Case(method, path, body, Map.of(), expected);
        }
    }

    @Test
    void everyBadRequestGetsAProblemAndChangesNothing() {
        String token = api.newUser();
        String id = api.createTask(token, "{\"title\":\"Target\"}");
        String t = "/api/tasks/" + id;
        long before = storedEventsOf(token);

        List<Case> cases = List.of(
                Case.of("POST", "/api/tasks", "{", 400),
                Case.of("POST", "/api/tasks", "not json", 400),
                Case.of("POST", "/api/tasks", "[]", 400),
                Case.of("POST", "/api/tasks", "{}", 400),
                Case.of("POST", "/api/tasks", "{\"title\":\"\"}", 400),
                Case.of("POST", "/api/tasks", "{\"title\":\"   \"}", 400),
                Case.of("POST", "/api/tasks", "{\"title\":\"" + "x".repeat(201) + "\"}", 400),
                Case.of("POST", "/api/tasks", "{\"title\":\"t\",\"description\":\"" + "d".repeat(10_001) + "\"}", 400),
                Case.of("POST", "/api/tasks", "{\"title\":\"t\",\"priority\":\"critical\"}", 400),
                Case.of("POST", "/api/tasks", "{\"title\":\"t\",\"priority\":7}", 400),
                Case.of("POST", "/api/tasks", "{\"title\":42}", 400),
                Case.of("POST", "/api/tasks", "{\"title\":\"t\",\"tags\":\"work\"}", 400),
                Case.of("POST", "/api/tasks", "{\"title\":\"t\",\"tags\":[\"" + "x".repeat(41) + "\"]}", 400),
                Case.of("POST", "/api/tasks", "{\"title\":\"t\",\"dueAt\":\"tomorrow\"}", 400),
                Case.of("POST", "/api/tasks", "{\"title\":\"t\",\"dueAt\":\"2026-13-45T00:00:00Z\"}", 400),
                Case.of("POST", "/api/tasks", "{\"title\":\"t\",\"timeZone\":\"Nowhere/City\"}", 400),
                Case.of("POST", "/api/tasks", "{\"title\":\"t\",\"remindBeforeMinutes\":-1}", 400),
                Case.of("POST", "/api/tasks", "{\"title\":\"t\",\"remindBeforeMinutes\":\"soon\"}", 400),
                Case.of("POST", "/api/tasks", "{\"title\":\"t\",\"owner\":\"someone\"}", 400),
                Case.of("POST", "/api/tasks", "{\"title\":\"t\",\"recurrence\":{\"rrule\":\"FREQ=DAILY\"}}", 400),
                Case.of("POST", "/api/tasks", "null", 400),
                Case.of("POST", "/api/tasks", "{\"title\":\"nul \\u0000 inside\"}", 400),
                Case.of("POST", "/api/tasks", "{\"title\":\"t\",\"description\":\"a\\u0000b\"}", 400),
                Case.of("POST", "/api/tasks", "{\"title\":\"t\",\"tags\":[\"a\\u0000\"]}", 400),
                Case.of("POST", "/api/tasks", "{\"title\":\"t\",\"dueAt\":\"+1000000000-01-01T00:00:00Z\"}", 400),
                Case.of("POST", "/api/tasks", "{\"title\":\"t\",\"dueAt\":\"-5000-01-01T00:00:00Z\"}", 400),
                Case.of("POST", "/api/tasks", "{\"title\":\"t\",\"dueAt\":\"2031-01-01T00:00:00Z\",\"recurrence\":"
                        + "{\"form\":{\"frequency\":\"daily\",\"until\":\"+1000000000-01-01T00:00:00Z\"}}}", 400),
                Case.of("PATCH", t, "null", 400),
                Case.of("PATCH", t, "{\"dueAt\":\"+1000000000-01-01T00:00:00Z\"}", 400),
                Case.of("PATCH", t, "{}", 400),
                Case.of("PATCH", t, "{\"status\":\"completed\"}", 400),
                Case.of("PATCH", t, "{\"title\":null}", 400),
                Case.of("PATCH", t, "{\"priority\":\"meh\"}", 400),
                Case.of("PATCH", t, "[1,2]", 400),
                new Case("PATCH", t, "{\"title\":\"x\"}", Map.of("If-Match", "\"banana\""), 400),
                new Case("PATCH", t, "{\"title\":\"x\"}", Map.of("If-Match", "\"7\""), 412),
                new Case("POST", t + "/complete", null, Map.of("If-Match", "\"3\""), 412),
                new Case("DELETE", t, null, Map.of("If-Match", "\"9\""), 412),
                Case.of("PATCH", "/api/tasks/does-not-exist", "{\"title\":\"x\"}", 404),
                Case.of("POST", "/api/tasks/does-not-exist/complete", null, 404),
                Case.of("DELETE", "/api/tasks/does-not-exist", null, 404),
                Case.of("GET", "/api/tasks/does-not-exist/history", null, 404),
                Case.of("GET", t + "/history?limit=0", null, 400),
                Case.of("GET", t + "/history?limit=abc", null, 400),
                Case.of("GET", t + "/history?cursor=-4", null, 400),
                Case.of("GET", t + "?asOf=yesterday", null, 400),
                Case.of("GET", "/api/no-such-endpoint", null, 404),
                Case.of("GET", "/api/tasks?limit=0", null, 400),
                Case.of("GET", "/api/tasks?priority=critical", null, 400),
                Case.of("GET", "/api/tasks?dueBefore=soon", null, 400),
                Case.of("GET", "/api/tasks?overdue=maybe", null, 400),
                Case.of("GET", "/api/tasks?sort=title&cursor=" + "eyJ4Ijoi", null, 400),
                Case.of("GET", "/api/notifications?limit=1000", null, 400),
                Case.of("GET", "/api/notifications?cursor=not-a-cursor", null, 400),
                Case.of("PATCH", "/api/notifications/no-such-id/read", null, 404),
                Case.of("POST", "/api/notifications/no-such-id/snooze", "{\"minutes\":10}", 404),
                Case.of("POST", "/api/notifications/no-such-id/snooze", "{\"minutes\":\"ten\"}", 400),
                Case.of("POST", "/api/recurrence/preview", "{}", 400),
                Case.of("POST", "/api/recurrence/preview", "{\"rrule\":\"FREQ=DAILY;BYDAY=XX\",\"start\":\"2031-01-01T00:00:00Z\",\"timeZone\":\"UTC\"}", 400),
                Case.of("POST", "/api/recurrence/preview", "{\"rrule\":\"FREQ=DAILY\",\"start\":\"2031-01-01T00:00:00Z\",\"timeZone\":\"Nowhere/X\"}", 400),
                Case.of("POST", "/api/auth/register", "{\"email\":\"not-an-email\",\"password\":\"long enough\"}", 400),
                Case.of("POST", "/api/auth/register", "{\"email\":\"a@b.co\",\"password\":\"short\"}", 400),
                Case.of("POST", "/api/auth/register", "{", 400),
                Case.of("POST", "/api/auth/register", "null", 400),
                Case.of("POST", "/api/auth/register", "{\"email\":\"a\\u0000b@example.com\",\"password\":\"long enough\"}", 400),
                Case.of("POST", "/api/auth/login", "{\"email\":null,\"password\":null}", 401),
                Case.of("POST", "/api/notifications/no-such-id/snooze", "null", 400),
                Case.of("POST", "/api/auth/login", "{\"email\":\"nobody@example.com\",\"password\":\"whatever1\"}", 401));

        for (Case c : cases) {
            Response r = api.send(c.method(), c.path(), token, c.body(), c.headers());
            assertProblem(c.toString(), r, c.expected());
        }
        assertThat(storedEventsOf(token)).as("events stored by bad requests").isEqualTo(before);
    }

    @Test
    void missingForgedExpiredAndForeignTokensGet401Problems() {
        String token = api.newUser();
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + "AAAA" + parts[2].substring(4);
        String expired = expiredToken();
        String foreign = tokenIssuedBy("someone-else");
        String anonymous = tokenIssuedBy(null);
        long before = storedEventsOf(token, expired);

        for (String bad : new String[] {null, "garbage", forged, expired, foreign, anonymous}) {
            assertProblem("token " + bad, api.post("/api/tasks", bad, "{\"title\":\"t\"}"), 401);
            assertProblem("token " + bad, api.get("/api/tasks/x/history", bad), 401);
        }
        assertThat(storedEventsOf(token, expired)).isEqualTo(before);
    }

    /** A token signed with the real key, valid in every way but its issuer ({@code null}: no {@code iss}). */
    private String tokenIssuedBy(String issuer) {
        Instant now = Instant.now();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder().subject("someone").issuedAt(now).expiresAt(now.plusSeconds(600));
        if (issuer != null) {
            claims.issuer(issuer);
        }
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims.build()))
                .getTokenValue();
    }

    /** A token signed with the real key whose lifetime is over. */
    private String expiredToken() {
        Instant past = Instant.now().minusSeconds(3600);
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer("tasklog").subject("someone")
                .issuedAt(past.minusSeconds(60)).expiresAt(past).build();
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
    }
}
