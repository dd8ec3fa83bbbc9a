package io.tasklog.app.auth;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** Login with an unknown email or a wrong password (deliberately not saying which) (401). */
class BadCredentialsException extends ErrorResponseException {

    BadCredentialsException() {
        super(HttpStatus.UNAUTHORIZED);
        setTitle("Login failed");
        setDetail("Email or password is wrong");
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
