package io.tasklog.query.stream;

import io.tasklog.api.stream.StreamChange;
import java.security.Principal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * {@code GET /api/stream}: the caller's task and notification changes as Server-Sent Events, each with
 * the id of its entry in the caller's change log. Subscription-query updates (fed by topic task-updates)
 * only signal that the log has grown; the user's {@link UserChangeFeed}, shared by all their streams on this
 * instance, reads the new entries once, and each stream sends every entry after the last one it sent, in
 * order. So a signal that is lost, duplicated or reordered never loses or repeats a change, a client
 * reconnecting with {@code Last-Event-ID} gets exactly what it missed, and one periodic check per instance
 * ({@link UserChangeFeeds}) covers a signal that never comes. A comment every 15 s keeps proxies from closing an idle stream (and, failing to
 * reach a client that went away, ends its stream). A user holds at most {@code tasklog.stream.max-per-user}
 * streams per instance; one more gets a 429 problem (see {@link StreamSlots} for why not close the oldest).
 */
@RestController
public class StreamController {

    static final Duration HEARTBEAT = Duration.ofSeconds(15);

    private final UserChangeFeeds feeds;
    private final StreamEvents events;
    private final StreamShutdown shutdown;
    private final StreamSlots slots;

    public StreamController(UserChangeFeeds feeds, StreamEvents events, StreamShutdown shutdown, StreamSlots slots) {
        this.feeds = feeds;
        this.events = events;
        this.shutdown = shutdown;
        this.slots = slots;
    }

    @GetMapping(path = "/api/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public Flux<ServerSentEvent<Object>> stream(Principal user,
                                                @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        String userId = user.getName();
        StreamSlots.Slot slot = slots.acquire(userId);
        UserChangeFeed feed;
        try {
            feed = feeds.acquire(userId);
        } catch (RuntimeException e) {
            slot.release();
            throw e;
        }
        Long resumeFrom = parseEventId(lastEventId);
        AtomicLong lastSent = new AtomicLong(resumeFrom != null ? resumeFrom : feed.position());
        // the first tick sends what a resuming client missed; heartbeats also re-check (a tick may be dropped)
        Flux<Object> heartbeats = Flux.interval(HEARTBEAT).map(tick -> (Object) tick).share();
        Flux<Object> checks = Flux.merge(Flux.just((Object) "resume"), feed.ticks(), heartbeats).onBackpressureLatest();
        Flux<ServerSentEvent<Object>> changes = checks
                .publishOn(Schedulers.boundedElastic(), 1)
                .concatMapIterable(signal -> newEntries(feed, lastSent))
                .map(change -> events.toEvent(change, userId));
        Flux<ServerSentEvent<Object>> comments = heartbeats
                .map(tick -> ServerSentEvent.builder().comment("heartbeat").build());
        ServerSentEvent<Object> hello = ServerSentEvent.builder().comment("connected").retry(Duration.ofSeconds(2)).build();
        return Flux.concat(Flux.just(hello), Flux.merge(changes, comments))
                .takeUntilOther(shutdown.signal())
                .doFinally(signal -> {
                    feeds.release(userId);
                    slot.release();
                });
    }

    /** The entries after the last one sent (and moves the mark past them). */
    private static List<StreamChange> newEntries(UserChangeFeed feed, AtomicLong lastSent) {
        List<StreamChange> entries = feed.after(lastSent.get());
        if (!entries.isEmpty()) {
            lastSent.set(entries.get(entries.size() - 1).sequence());
        }
        return entries;
    }

    private static Long parseEventId(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return null;
        }
        try {
            return Math.max(0, Long.parseLong(lastEventId.strip()));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
