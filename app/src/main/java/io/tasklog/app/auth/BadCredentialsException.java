package io.tasklog.app.auth;

/** Login with an unknown email or a wrong password (deliberately not saying which). */
class BadCredentialsException extends RuntimeException {

    BadCredentialsException() {
        super("Email or password is wrong");
    }
}
