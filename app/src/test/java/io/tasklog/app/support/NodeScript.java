package io.tasklog.app.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
        String output = run(directory, List.of(script), environment, log, timeout);
        assertThat(output).contains(" 0 failed");
        return output;
    }

    /** Runs {@code node <arguments>}; asserts it finished in time and exited 0, and returns its output. */
    public static String run(Path directory, List<String> arguments, Map<String, String> environment, Path log,
                             Duration timeout) throws IOException, InterruptedException {
        Files.createDirectories(log.toAbsolutePath().getParent());
        List<String> command = new java.util.ArrayList<>(List.of("node"));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command)
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
        assertThat(finished).as(arguments + " finished in time:\n" + output).isTrue();
        assertThat(node.exitValue()).as(arguments + ":\n" + output).isZero();
        return output;
    }
}
