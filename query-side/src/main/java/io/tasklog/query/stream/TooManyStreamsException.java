package io.tasklog.query.stream;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * The caller already holds as many open streams on this instance as allowed (429). Retry-After: by
 * then a heartbeat has found out whether the user's other streams are still read.
 */
class TooManyStreamsException extends ErrorResponseException {

    TooManyStreamsException(int maxPerUser) {
        super(HttpStatus.TOO_MANY_REQUESTS);
        setTitle("Too many open streams");
        setDetail("You already have " + maxPerUser + " open streams on this server, the most allowed; close one"
                + " (another tab or window) and try again.");
        getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(StreamController.HEARTBEAT.toSeconds()));
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
