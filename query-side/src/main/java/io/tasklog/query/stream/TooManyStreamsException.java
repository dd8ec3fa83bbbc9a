package io.tasklog.query.stream;

/** The caller already holds as many open streams on this instance as allowed. */
class TooManyStreamsException extends RuntimeException {

    TooManyStreamsException(int maxPerUser) {
        super("You already have " + maxPerUser + " open streams on this server, the most allowed; close one"
                + " (another tab or window) and try again.");
    }
}
