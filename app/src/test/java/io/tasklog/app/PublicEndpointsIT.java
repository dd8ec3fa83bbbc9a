package io.tasklog.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.tasklog.app.support.ApiClient.Response;
import io.tasklog.app.support.IntegrationTest;
import org.junit.jupiter.api.Test;

class PublicEndpointsIT extends IntegrationTest {

    @Test
    void openApiDescribesTheTaskApiWithoutAToken() {
        Response r = api.get("/v3/api-docs", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("openapi").asText()).startsWith("3.");
        assertThat(r.json().get("paths").has("/api/tasks")).isTrue();
        assertThat(r.json().get("paths").has("/api/tasks/{id}/history")).isTrue();
        assertThat(api.get("/swagger-ui/index.html", null).status()).isEqualTo(200);
    }

    @Test
    void healthProbesAreOpen() {
        assertThat(api.get("/actuator/health/liveness", null).json().get("status").asText()).isEqualTo("UP");
        assertThat(api.get("/actuator/health/readiness", null).json().get("status").asText()).isEqualTo("UP");
    }

    @Test
    void loginReturnsAWorkingToken() {
        String email = "login-" + java.util.UUID.randomUUID() + "@example.com";
        assertThat(api.post("/api/auth/register", null, "{\"email\":\"" + email + "\",\"password\":\"s3cret-enough\"}").status())
                .isEqualTo(201);
        assertThat(api.post("/api/auth/register", null, "{\"email\":\"" + email.toUpperCase() + "\",\"password\":\"s3cret-enough\"}").status())
                .isEqualTo(409);
        Response login = api.post("/api/auth/login", null, "{\"email\":\"" + email + "\",\"password\":\"s3cret-enough\"}");
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.json().get("expiresAt").asText()).isNotBlank();
        String token = login.json().get("token").asText();
        assertThat(api.post("/api/tasks", token, "{\"title\":\"works\"}").status()).isEqualTo(201);
        assertThat(api.post("/api/auth/login", null, "{\"email\":\"" + email + "\",\"password\":\"wrong-password\"}").status())
                .isEqualTo(401);
        String hash = jdbc.sql("select password_hash from user_account where email = :e").param("e", email)
                .query(String.class).single();
        assertThat(hash).startsWith("{bcrypt}").doesNotContain("s3cret");
    }
}
