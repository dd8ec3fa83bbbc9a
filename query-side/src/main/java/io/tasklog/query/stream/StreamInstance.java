package io.tasklog.query.stream;

import java.util.UUID;
import org.springframework.stereotype.Component;

/** This instance's identity on {@code task-updates}: a consumer group nobody else shares. */
@Component("streamInstance")
public class StreamInstance {

    private final String consumerGroup = "tasklog-stream-" + UUID.randomUUID();

    public String consumerGroup() {
        return consumerGroup;
    }
}
