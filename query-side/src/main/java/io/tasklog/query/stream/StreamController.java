package io.tasklog.query.stream;

import io.tasklog.api.query.WatchChangesQuery;
import io.tasklog.api.stream.StreamChange;
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
 * an id; a client reconnecting with {@code Last-Event-ID} first receives what it missed. A comment every
 * 15 s keeps proxies from closing an idle stream and lets the server notice gone clients.
 */
@RestController
public class StreamController {

    static final Duration HEARTBEAT = Duration.ofSeconds(15);

    private final QueryGateway queries;
    private final StreamEvents events;
    private final StreamShutdown shutdown;

    public StreamController(QueryGateway queries, StreamEvents events, StreamShutdown shutdown) {
        this.queries = queries;
        this.events = events;
        this.shutdown = shutdown;
    }

    @GetMapping(path = "/api/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public Flux<ServerSentEvent<Object>> stream(Principal user,
                                                @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        String userId = user.getName();
        long after = parseEventId(lastEventId);
        SubscriptionQueryResult<List<StreamChange>, StreamChange> subscription = queries.subscriptionQuery(
                new WatchChangesQuery(userId, after),
                ResponseTypes.multipleInstancesOf(StreamChange.class),
                ResponseTypes.instanceOf(StreamChange.class));
        AtomicLong lastSent = new AtomicLong(after);
        Flux<ServerSentEvent<Object>> changes = subscription.initialResult()
                .flatMapMany(Flux::fromIterable)
                .concatWith(subscription.updates())
                .publishOn(Schedulers.boundedElastic())
                // missed changes and live ones can overlap around the moment of subscribing
                .filter(change -> change.sequence() > lastSent.get())
                .doOnNext(change -> lastSent.set(change.sequence()))
                .map(change -> events.toEvent(change, userId));
        Flux<ServerSentEvent<Object>> heartbeats = Flux.interval(HEARTBEAT)
                .map(tick -> ServerSentEvent.builder().comment("heartbeat").build());
        ServerSentEvent<Object> hello = ServerSentEvent.builder().comment("connected").retry(Duration.ofSeconds(2)).build();
        return Flux.concat(Flux.just(hello), Flux.merge(changes, heartbeats))
                .takeUntilOther(shutdown.signal())
                .doFinally(signal -> subscription.cancel());
    }

    private static long parseEventId(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return -1;
        }
        try {
            return Math.max(0, Long.parseLong(lastEventId.strip()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
