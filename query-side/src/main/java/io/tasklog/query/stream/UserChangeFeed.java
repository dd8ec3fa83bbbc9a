package io.tasklog.query.stream;

import io.tasklog.api.stream.StreamChange;
import io.tasklog.projections.stream.StreamEventLog;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

/**
 * One user's change log as this instance's streams of that user see it: read from PostgreSQL once per signal
 * (not once per stream), kept in a short in-memory tail, and announced to the user's streams with a tick.
 * Each stream takes from the tail whatever follows the last entry it sent; a stream that fell further behind
 * than the tail reaches (or resumes from an old Last-Event-ID) reads the log itself.
 *
 * <p>Reading "after the last entry read" never misses one: appends to the log are serialised in commit order
 * (see {@link StreamEventLog#append}).
 */
final class UserChangeFeed {

    static final int BATCH = 500;
    private static final int TAIL = 256;

    private final String userId;
    private final StreamEventLog log;
    private final Deque<StreamChange> tail = new ArrayDeque<>();
    /** The tail holds every entry of the user after this sequence. */
    private long coveredFrom;
    private long lastRead;
    private final AtomicInteger pendingReads = new AtomicInteger();
    private final Sinks.Many<Long> ticks = Sinks.many().multicast().directBestEffort();

    UserChangeFeed(String userId, StreamEventLog log, long latest) {
        this.userId = userId;
        this.log = log;
        this.coveredFrom = latest;
        this.lastRead = latest;
    }

    /** The sequence of the newest entry read so far: where a stream without Last-Event-ID starts. */
    synchronized long position() {
        return lastRead;
    }

    /**
     * The log has (probably) grown: read it once, off the caller's thread. Signals that come while a read runs
     * make one more read after it, never a read per signal.
     */
    void signal() {
        if (pendingReads.getAndIncrement() == 0) {
            Schedulers.boundedElastic().schedule(this::drain);
        }
    }

    /** Ticks whenever new entries are in the tail (a stream that misses one still catches up on the next). */
    Flux<Long> ticks() {
        return ticks.asFlux();
    }

    /** Every entry after {@code lastSent}, oldest first: from the tail, or from the log when it reaches back further. */
    List<StreamChange> after(long lastSent) {
        synchronized (this) {
            if (lastSent >= coveredFrom) {
                return tail.stream().filter(change -> change.sequence() > lastSent).toList();
            }
        }
        return readLog(lastSent);
    }

    private void drain() {
        do {
            try {
                read();
            } catch (RuntimeException e) {
                // the next signal, or the periodic check, reads again; the streams keep what they have
                pendingReads.set(0);
                return;
            }
        } while (pendingReads.decrementAndGet() > 0);
    }

    private void read() {
        List<StreamChange> entries = readLog(position());
        if (entries.isEmpty()) {
            return;
        }
        synchronized (this) {
            for (StreamChange entry : entries) {
                if (entry.sequence() > lastRead) {
                    tail.addLast(entry);
                    lastRead = entry.sequence();
                }
            }
            while (tail.size() > TAIL) {
                coveredFrom = tail.removeFirst().sequence();
            }
        }
        ticks.tryEmitNext(lastRead);
    }

    private List<StreamChange> readLog(long after) {
        List<StreamChange> all = new ArrayList<>();
        List<StreamChange> batch;
        long from = after;
        do {
            batch = log.since(userId, from, BATCH);
            if (!batch.isEmpty()) {
                from = batch.get(batch.size() - 1).sequence();
                all.addAll(batch);
            }
        } while (batch.size() == BATCH);
        return all;
    }

    void close() {
        ticks.tryEmitComplete();
    }
}
