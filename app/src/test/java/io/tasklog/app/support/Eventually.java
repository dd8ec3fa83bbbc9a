package io.tasklog.app.support;

import java.time.Duration;
import java.util.function.Supplier;

/** Polls an assertion until it passes: the read side is eventually consistent by design. */
public final class Eventually {

    private Eventually() {
    }

    public static void eventually(Duration timeout, Runnable assertion) {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                assertion.run();
                return;
            } catch (AssertionError e) {
                if (System.nanoTime() > end) {
                    throw e;
                }
                sleep();
            }
        }
    }

    public static <T> T eventually(Duration timeout, Supplier<T> value, java.util.function.Predicate<T> until) {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            T v = value.get();
            if (until.test(v)) {
                return v;
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("not reached within " + timeout + ", last value: " + v);
            }
            sleep();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
