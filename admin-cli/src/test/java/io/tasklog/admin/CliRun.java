package io.tasklog.admin;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** Runs the CLI in-process with captured output, a given environment and a fast poll. */
record CliRun(int exitCode, String out, String err) {

    static CliRun run(Map<String, String> env, String... args) {
        return run(env, action -> () -> { }, args);
    }

    static CliRun run(Map<String, String> env, Interrupts interrupts, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            Io io = new Io(outStream, errStream, env, Duration.ofMillis(20), 100, interrupts);
            int exitCode = TasklogAdmin.run(io, args);
            return new CliRun(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
    }

    /** Ctrl-C that comes {@code after} the watcher starts listening, on a thread of its own like a signal. */
    static Interrupts ctrlCAfter(Duration after) {
        return action -> {
            Thread signal = new Thread(() -> {
                try {
                    Thread.sleep(after.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
                action.run();
            });
            signal.setDaemon(true);
            signal.start();
            return signal::interrupt;
        };
    }
}
