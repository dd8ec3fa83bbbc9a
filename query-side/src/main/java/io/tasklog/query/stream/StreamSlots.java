package io.tasklog.query.stream;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * Counts each user's open streams on this instance and refuses one more than {@code tasklog.stream.max-per-user}.
 * A new stream is refused rather than the oldest closed: a closed stream's client reconnects at once and would
 * close the next oldest, so a user over the limit would churn through streams forever; refused, the client
 * backs off, and the streams of tabs that went away end at their next heartbeat, freeing their slots.
 */
@Component
public class StreamSlots {

    private final int maxPerUser;
    private final int maxPerInstance;
    private final ConcurrentMap<String, Integer> open = new ConcurrentHashMap<>();
    private final AtomicInteger total = new AtomicInteger();

    public StreamSlots(StreamProperties properties) {
        this.maxPerUser = properties.maxPerUser();
        this.maxPerInstance = properties.maxPerInstance();
    }

    /**
     * One stream slot for {@code userId}, to be released when the stream ends.
     *
     * @throws TooManyStreamsException when the user already holds {@code max-per-user} streams here
     * @throws InstanceFullException when this instance already serves {@code max-per-instance} streams
     */
    Slot acquire(String userId) {
        if (total.incrementAndGet() > maxPerInstance) {
            total.decrementAndGet();
            throw new InstanceFullException(maxPerInstance);
        }
        try {
            return acquireForUser(userId);
        } catch (RuntimeException e) {
            total.decrementAndGet();
            throw e;
        }
    }

    private Slot acquireForUser(String userId) {
        boolean[] granted = {false};
        open.compute(userId, (user, count) -> {
            int current = count == null ? 0 : count;
            granted[0] = current < maxPerUser;
            return granted[0] ? current + 1 : current;
        });
        if (!granted[0]) {
            throw new TooManyStreamsException(maxPerUser);
        }
        return new Slot(userId);
    }

    int openStreams(String userId) {
        return open.getOrDefault(userId, 0);
    }

    public int openStreams() {
        return total.get();
    }

    /** A held slot; releasing it twice counts once. */
    final class Slot {

        private final String userId;
        private final AtomicBoolean released = new AtomicBoolean();

        private Slot(String userId) {
            this.userId = userId;
        }

        void release() {
            if (released.compareAndSet(false, true)) {
                open.computeIfPresent(userId, (user, count) -> count > 1 ? count - 1 : null);
                total.decrementAndGet();
            }
        }
    }
}
