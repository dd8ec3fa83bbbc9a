package io.tasklog.query.stream;

import io.tasklog.api.query.WatchChangesQuery;
import io.tasklog.api.stream.StreamChange;
import io.tasklog.projections.stream.StreamEventLog;
import java.security.Principal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
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
 * only signal that the log has grown; the stream then sends every entry after the last one it sent, in
 * order. So a signal that is lost, duplicated or reordered never loses or repeats a change, a client
 * reconnecting with {@code Last-Event-ID} gets exactly what it missed, and a periodic catch-up covers a
 * signal that never comes. A comment every 15 s keeps proxies from closing an idle stream (and, failing to
 * reach a client that went away, ends its stream). A user holds at most {@code tasklog.stream.max-per-user}
 * streams per instance; one more gets a 429 problem (see {@link StreamSlots} for why not close the oldest).
 */
@RestController
public class StreamController {

    static final Duration HEARTBEAT = Duration.ofSeconds(15);
    static final Duration CATCH_UP = Duration.ofSeconds(5);
    static final int BATCH = 500;

    private final QueryGateway queries;
    private final StreamEventLog changeLog;
    private final StreamEvents events;
    private final StreamShutdown shutdown;
    private final StreamSlots slots;

    public StreamController(QueryGateway queries, StreamEventLog changeLog, StreamEvents events,
                            StreamShutdown shutdown, StreamSlots slots) {
        this.queries = queries;
        this.changeLog = changeLog;
        this.events = events;
        this.shutdown = shutdown;
        this.slots = slots;
    }

    @GetMapping(path = "/api/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public Flux<ServerSentEvent<Object>> stream(Principal user,
                                                @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        String userId = user.getName();
        StreamSlots.Slot slot = slots.acquire(userId);
        SubscriptionQueryResult<Long, StreamChange> subscription;
        try {
            subscription = queries.subscriptionQuery(new WatchChangesQuery(userId), ResponseTypes.instanceOf(Long.class),
                    ResponseTypes.instanceOf(StreamChange.class));
        } catch (RuntimeException e) {
            slot.release();
            throw e;
        }
        Long resumeFrom = parseEventId(lastEventId);
        AtomicLong lastSent = new AtomicLong();
        Flux<Object> signals = Flux.merge(subscription.updates(), Flux.interval(CATCH_UP)).onBackpressureLatest();
        Flux<ServerSentEvent<Object>> changes = subscription.initialResult()
                .doOnNext(latest -> lastSent.set(resumeFrom != null ? resumeFrom : latest))
                .flatMapMany(latest -> Flux.concat(Flux.just((Object) "resume"), signals))
                .publishOn(Schedulers.boundedElastic(), 1)
                .concatMapIterable(signal -> newEntries(userId, lastSent))
                .map(change -> events.toEvent(change, userId));
        Flux<ServerSentEvent<Object>> heartbeats = Flux.interval(HEARTBEAT)
                .map(tick -> ServerSentEvent.builder().comment("heartbeat").build());
        ServerSentEvent<Object> hello = ServerSentEvent.builder().comment("connected").retry(Duration.ofSeconds(2)).build();
        return Flux.concat(Flux.just(hello), Flux.merge(changes, heartbeats))
                .takeUntilOther(shutdown.signal())
                .doFinally(signal -> {
                    subscription.cancel();
                    slot.release();
                });
    }

    /** The log entries after the last one sent, in batches until none are left (and moves the mark past them). */
    private List<StreamChange> newEntries(String userId, AtomicLong lastSent) {
        List<StreamChange> all = new java.util.ArrayList<>();
        List<StreamChange> batch;
        do {
            batch = changeLog.since(userId, lastSent.get(), BATCH);
            if (!batch.isEmpty()) {
                lastSent.set(batch.get(batch.size() - 1).sequence());
                all.addAll(batch);
            }
        } while (batch.size() == BATCH);
        return all;
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
