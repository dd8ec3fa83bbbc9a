package io.tasklog.app.auth;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** Registration with an email that already has an account (409). */
class EmailTakenException extends ErrorResponseException {

    EmailTakenException() {
        super(HttpStatus.CONFLICT);
        setTitle("Email already registered");
        setDetail("An account with this email already exists");
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
