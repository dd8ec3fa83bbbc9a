package io.tasklog.app.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a Node test script of the project (browser tests, the MCP client) against the running application and
 * asserts that it finished in time, exited 0 and printed "0 failed"; its output goes to a log file under target/,
 * and into the assertion message when it fails.
 */
public final class NodeScript {

    private NodeScript() {
    }

    public static String runPassing(Path directory, String script, Map<String, String> environment, Path log,
                                    Duration timeout) throws IOException, InterruptedException {
        Files.createDirectories(log.toAbsolutePath().getParent());
        ProcessBuilder builder = new ProcessBuilder("node", script)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toAbsolutePath().toFile());
        builder.environment().putAll(environment);
        Process node = builder.start();
        boolean finished = node.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!finished) {
            node.destroyForcibly();
        }
        String output = Files.readString(log);
        assertThat(finished).as(script + " finished in time:\n" + output).isTrue();
        assertThat(node.exitValue()).as(script + ":\n" + output).isZero();
        assertThat(output).contains(" 0 failed");
        return output;
    }
}
