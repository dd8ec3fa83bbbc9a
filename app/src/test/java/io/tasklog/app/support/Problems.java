package io.tasklog.app.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.tasklog.app.support.ApiClient.Response;

/** What every error answer must be: the expected status, an RFC 7807 body, no stack trace. */
public final class Problems {

    private Problems() {
    }

    public static void assertProblem(String what, Response r, int expectedStatus) {
        assertThat(r.status()).as(what + " -> " + r.body()).isEqualTo(expectedStatus);
        assertThat(r.header("Content-Type")).as(what).hasValueSatisfying(ct -> assertThat(ct).contains("application/problem+json"));
        assertThat(r.json().get("status").asInt()).as(what).isEqualTo(expectedStatus);
        assertThat(r.json().get("title").asText()).as(what).isNotBlank();
        assertThat(r.body()).as(what).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
