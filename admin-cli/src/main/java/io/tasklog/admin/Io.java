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

    /** Width of the progress bar when the output is no terminal (a pipe, a log): its width cannot be asked. */
    static final int PIPED_WIDTH = 100;

    public static Io system() {
        Map<String, String> env = System.getenv();
        int width = System.console() != null ? 0 : columns(env.get("COLUMNS"));
        return new Io(System.out, System.err, env, POLL_INTERVAL, width, Interrupts.SHUTDOWN_HOOK);
    }

    private static int columns(String columns) {
        try {
            return columns == null ? PIPED_WIDTH : Math.max(40, Integer.parseInt(columns.strip()));
        } catch (NumberFormatException e) {
            return PIPED_WIDTH;
        }
    }

    /** The value of environment variable {@code name}, or null when it is unset or blank. */
    String env(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value;
    }
}
