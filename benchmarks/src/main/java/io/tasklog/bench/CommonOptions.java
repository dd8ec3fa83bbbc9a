package io.tasklog.bench;

import java.time.Duration;
import picocli.CommandLine.Option;

/** Options every program takes (a picocli mixin). */
public final class CommonOptions {

    @Option(names = "--base-url", defaultValue = "http://localhost:8080",
            description = "Tasklog base URL (default: ${DEFAULT-VALUE})")
    public String baseUrl;

    @Option(names = "--out", description = "append the result as one JSON line to this file")
    public String out;

    @Option(names = "--http-timeout", defaultValue = "30", description = "per-request timeout in seconds (default: ${DEFAULT-VALUE})")
    public int httpTimeoutSeconds;

    @Option(names = "--seed", defaultValue = "42", description = "random seed for generated task data (default: ${DEFAULT-VALUE})")
    public long seed;

    public Api api() {
        return Api.connect(baseUrl, Duration.ofSeconds(httpTimeoutSeconds));
    }
}
