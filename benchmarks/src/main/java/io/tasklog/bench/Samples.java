package io.tasklog.bench;

import java.util.Arrays;

/** A thread-safe, growable bag of latency samples in nanoseconds. */
public final class Samples {

    private long[] values = new long[1024];
    private int size;

    public synchronized void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    public synchronized int size() {
        return size;
    }

    public synchronized long[] snapshot() {
        return Arrays.copyOf(values, size);
    }

    public Summary summary() {
        return Summary.of(snapshot());
    }
}
