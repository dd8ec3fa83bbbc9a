package io.tasklog.query.stream;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * This instance serves as many streams as it may (503, not 429: the caller did nothing wrong). Refusing the
 * stream early keeps the connections a full instance still has for writes, reads and health probes; another
 * instance, or this one a little later, takes it.
 */
class InstanceFullException extends ErrorResponseException {

    InstanceFullException(int maxPerInstance) {
        super(HttpStatus.SERVICE_UNAVAILABLE);
        setTitle("Server full");
        setDetail("This server already serves " + maxPerInstance + " live streams, the most it takes; try again"
                + " shortly (another server of the service may have room).");
        getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(StreamController.HEARTBEAT.toSeconds()));
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
