package io.tasklog.admin;

/**
 * Where Ctrl-C is heard. The real CLI listens with a JVM shutdown hook (SIGINT runs the hooks, and the
 * action gets to finish printing before the JVM halts); tests fire the action themselves.
 */
@FunctionalInterface
public interface Interrupts {

    /** Runs {@code action} on Ctrl-C until the returned handle is closed. */
    Registration onInterrupt(Runnable action);

    interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    Interrupts SHUTDOWN_HOOK = action -> {
        Thread hook = new Thread(action, "tasklog-admin-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        return () -> {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or has run: nothing left to remove
            }
        };
    };
}
