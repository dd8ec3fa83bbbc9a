package io.tasklog.embedded;

/**
 * A JVM shutdown hook that closes an embedded service left running, so that no server outlives the
 * process; removed again when the service is closed normally.
 */
final class ExitHook {

    private final String name;
    private final Runnable close;
    private boolean enabled = true;
    private Thread hook;

    ExitHook(String name, Runnable close) {
        this.name = name;
        this.close = close;
    }

    synchronized void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** Installs the hook (once) unless disabled. */
    synchronized void install() {
        if (enabled && hook == null) {
            hook = new Thread(this::runFromHook, name);
            Runtime.getRuntime().addShutdownHook(hook);
        }
    }

    /** Removes the hook after a normal close. */
    synchronized void remove() {
        if (hook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException ignored) {
                // the JVM is already shutting down
            }
            hook = null;
        }
    }

    private void runFromHook() {
        synchronized (this) {
            hook = null; // a running hook cannot be removed
        }
        close.run();
    }
}
