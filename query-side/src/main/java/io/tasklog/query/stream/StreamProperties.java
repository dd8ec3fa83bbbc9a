package io.tasklog.query.stream;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tasklog.stream.max-per-user}: open streams one user may hold on one instance. Each stream costs a
 * subscription query and a catch-up read every few seconds, so one client looping on reconnects must not
 * be able to open thousands. {@code tasklog.stream.max-per-instance}: open streams on one instance in all; it
 * must stay below the server's connection limit ({@code server.tomcat.max-connections}), so that a full
 * instance still accepts writes, reads and health probes. (The log's retention settings are read by the
 * projections module.)
 */
@ConfigurationProperties("tasklog.stream")
public record StreamProperties(@DefaultValue("20") int maxPerUser, @DefaultValue("10000") int maxPerInstance) {

    public StreamProperties {
        if (maxPerUser < 1) {
            throw new IllegalStateException("tasklog.stream.max-per-user must be at least 1, not " + maxPerUser);
        }
        if (maxPerInstance < 1) {
            throw new IllegalStateException("tasklog.stream.max-per-instance must be at least 1, not " + maxPerInstance);
        }
    }
}
