package io.tasklog.api;

/** Keys of the metadata Tasklog puts on its commands and events. */
public final class MessageMetadata {

    /**
     * The acting user: set on every command (the aggregate checks ownership with it), copied onto the events the
     * command causes (the history's "who"), and published as the events' actor on Kafka.
     */
    public static final String USER_ID = "userId";

    private MessageMetadata() {
    }
}
