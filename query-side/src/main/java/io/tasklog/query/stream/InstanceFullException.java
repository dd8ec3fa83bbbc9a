package io.tasklog.query.stream;

/** This instance serves as many streams as it may; another instance (or this one, a little later) can take it. */
class InstanceFullException extends RuntimeException {

    InstanceFullException(int maxPerInstance) {
        super("This server already serves " + maxPerInstance + " live streams, the most it takes; try again shortly"
                + " (another server of the service may have room).");
    }
}
