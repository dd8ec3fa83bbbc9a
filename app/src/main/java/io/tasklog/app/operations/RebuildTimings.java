package io.tasklog.app.operations;

import java.util.Locale;

/** Where a rebuild's time went, logged when it completes (one rebuild thread: no synchronisation needed). */
final class RebuildTimings {

    private long events;
    private long chunks;
    private long readNanos;
    private long deserialiseNanos;
    private long foldNanos;
    private long progressNanos;
    private long chunkNanos;
    private long waitNanos;
    private long indexNanos;
    private long swapNanos;

    void read(StoredEventChunks.Chunk chunk) {
        events += chunk.rows();
        readNanos += chunk.readNanos();
        deserialiseNanos += chunk.deserialiseNanos();
    }

    void fold(long foldNanos, long progressNanos) {
        this.foldNanos += foldNanos;
        this.progressNanos += progressNanos;
    }

    /** Time the folding thread waited for the reading thread. */
    void waited(long nanos) {
        waitNanos += nanos;
    }

    /** One chunk's whole transaction, commit included. */
    void chunk(long nanos) {
        chunks++;
        chunkNanos += nanos;
    }

    void swap(long indexNanos, long swapNanos) {
        this.indexNanos += indexNanos;
        this.swapNanos += swapNanos;
    }

    @Override
    public String toString() {
        long commit = chunkNanos - foldNanos - progressNanos;
        return String.format(Locale.ROOT, "%,d events in %,d chunks: read %.1f s and deserialise %.1f s (reading thread),"
                        + " waited for it %.1f s, fold %.1f s, progress %.1f s, commit %.1f s; secondary indexes %.1f s,"
                        + " swap %.1f s",
                events, chunks, s(readNanos), s(deserialiseNanos), s(waitNanos), s(foldNanos), s(progressNanos),
                s(Math.max(0, commit)), s(indexNanos), s(swapNanos));
    }

    private static double s(long nanos) {
        return nanos / 1e9;
    }
}
