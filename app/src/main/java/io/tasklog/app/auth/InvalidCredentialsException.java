package io.tasklog.app.auth;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** Registration input that cannot become an account (400). */
class InvalidCredentialsException extends ErrorResponseException {

    InvalidCredentialsException(String message) {
        super(HttpStatus.BAD_REQUEST);
        setTitle("Invalid registration");
        setDetail(message);
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
