package io.tasklog.admin;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;

/**
 * Everything the CLI takes from its surroundings — output streams, environment variables, the poll
 * interval, the progress bar's width and Ctrl-C — in one value, so a test can capture the output and
 * steer the rest instead of depending on the real process.
 *
 * @param progressWidth characters the progress bar may use; 0 = ask the terminal
 */
public record Io(PrintStream out, PrintStream err, Map<String, String> env, Duration pollInterval, int progressWidth,
                 Interrupts interrupts) {

    /** How often a replay's progress is polled: fast enough to feel live, cheap for the server. */
    static final Duration POLL_INTERVAL = Duration.ofMillis(500);

    public static Io system() {
        return new Io(System.out, System.err, System.getenv(), POLL_INTERVAL, 0, Interrupts.SHUTDOWN_HOOK);
    }

    /** The value of environment variable {@code name}, or null when it is unset or blank. */
    String env(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value;
    }
}
