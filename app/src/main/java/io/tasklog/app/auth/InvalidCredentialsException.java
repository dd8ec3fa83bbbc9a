package io.tasklog.app.auth;

/** Registration input that cannot become an account. */
class InvalidCredentialsException extends RuntimeException {

    InvalidCredentialsException(String message) {
        super(message);
    }
}
