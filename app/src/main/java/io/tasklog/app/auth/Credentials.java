package io.tasklog.app.auth;

/** Body of register and login: {@code { "email", "password" }}. */
public record Credentials(String email, String password) {
}
