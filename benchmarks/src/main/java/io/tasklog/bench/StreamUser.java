package io.tasklog.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * One simulated user of {@link StreamLatencyBench}: its stream, the commands it sends, and the matching of each
 * accepted command to the {@code task.changed} event that reports it.
 */
final class StreamUser {

    record Command(Kind kind, String taskId, HttpRequest request) {
    }

    enum Kind { CREATE, PATCH }

    record Pending(long version, long sentNanos, long acceptedNanos, StreamPhase phase) {
    }

    final int index;
    final Api api;
    final SseClient sse;
    private final Random random;
    private final long lostAfterNanos;
    private final Object lock = new Object();
    private final List<String> tasks = new ArrayList<>();
    private final Set<String> busy = new HashSet<>();
    private final Map<String, List<Pending>> pending = new HashMap<>();
    /** Items counted as lost, kept to notice events that arrive after all (counted as arrivedAfterLimit). */
    private final Map<String, List<Pending>> lostItems = new HashMap<>();
    /** taskId → version → when its task.changed event was read (first time). */
    private final Map<String, TreeMap<Long, Long>> seen = new HashMap<>();

    StreamUser(int index, Api api, Random random, long lostAfterNanos) {
        this.index = index;
        this.api = api;
        this.random = random;
        this.lostAfterNanos = lostAfterNanos;
        this.sse = new SseClient(api, "user-" + index, this::onEvent).start();
    }

    Command nextCommand(double createShare) {
        synchronized (lock) {
            if (tasks.size() - busy.size() >= 3 && random.nextDouble() >= createShare) {
                for (int attempt = 0; attempt < 10; attempt++) {
                    String id = tasks.get(random.nextInt(tasks.size()));
                    if (busy.add(id)) {
                        ObjectNode patch = Api.object();
                        patch.put("title", TaskGen.title(random, 2, 5));
                        if (random.nextBoolean()) {
                            patch.put("priority", TaskGen.priority(random));
                        }
                        return new Command(Kind.PATCH, id, api.patchTask(id, patch));
                    }
                }
            }
            return new Command(Kind.CREATE, null, api.createTask(TaskGen.simpleTask(random)));
        }
    }

    void answered(Command command, Api.Response response, StreamPhase phase) {
        phase.http.add(response.latencyNanos());
        JsonNode body = response.ok() ? response.json() : null;
        String taskId = body == null ? null : body.path("id").asText(null);
        long version = body == null ? -1 : body.path("version").asLong(-1);
        synchronized (lock) {
            if (command.kind == Kind.PATCH) {
                busy.remove(command.taskId);
            }
            if (!response.ok() || taskId == null || version < 0) {
                phase.errors.incrementAndGet();
                phase.errorExamples.putIfAbsent(response.status(), response.shortBody());
                return;
            }
            phase.accepted.incrementAndGet();
            if (command.kind == Kind.CREATE) {
                tasks.add(taskId);
            }
            Pending item = new Pending(version, response.sentNanos(), response.doneNanos(), phase);
            TreeMap<Long, Long> versions = seen.get(taskId);
            Long arrival = null;
            if (versions != null) {
                for (Long at : versions.tailMap(version, true).values()) {
                    arrival = arrival == null ? at : Math.min(arrival, at);
                }
            }
            if (arrival != null) {
                record(item, arrival);
            } else {
                pending.computeIfAbsent(taskId, k -> new ArrayList<>()).add(item);
            }
        }
    }

    private void onEvent(SseEvent event) {
        if (!"task.changed".equals(event.event())) {
            return;
        }
        JsonNode data = event.json();
        String taskId = data.path("taskId").asText(null);
        long version = data.path("version").asLong(-1);
        if (taskId == null || version < 0) {
            return;
        }
        synchronized (lock) {
            seen.computeIfAbsent(taskId, k -> new TreeMap<>()).putIfAbsent(version, event.receivedNanos());
            List<Pending> gone = lostItems.get(taskId);
            if (gone != null) {
                gone.removeIf(item -> {
                    boolean matches = item.version <= version;
                    if (matches) {
                        item.phase.arrivedAfterLimit.incrementAndGet();
                    }
                    return matches;
                });
            }
            List<Pending> waiting = pending.get(taskId);
            if (waiting == null) {
                return;
            }
            for (Iterator<Pending> it = waiting.iterator(); it.hasNext(); ) {
                Pending item = it.next();
                if (item.version <= version) {
                    it.remove();
                    record(item, event.receivedNanos());
                }
            }
            if (waiting.isEmpty()) {
                pending.remove(taskId);
            }
        }
    }

    private void record(Pending item, long arrivalNanos) {
        StreamPhase phase = item.phase;
        long acceptedToSse = arrivalNanos - item.acceptedNanos;
        if (acceptedToSse > lostAfterNanos) {
            phase.lost.incrementAndGet();
            return;
        }
        if (acceptedToSse < 0) {
            phase.eventBeforeAnswer.incrementAndGet();
        }
        phase.delivered.incrementAndGet();
        phase.acceptedToSse.add(Math.max(0, acceptedToSse));
        phase.sentToSse.add(arrivalNanos - item.sentNanos);
    }

    /** Counts pending items of the phase older than the limit as lost; returns how many are still waiting. */
    int expireOlderThan(StreamPhase phase, long limitNanos) {
        long now = System.nanoTime();
        int waiting = 0;
        synchronized (lock) {
            for (Iterator<Map.Entry<String, List<Pending>>> lists = pending.entrySet().iterator(); lists.hasNext(); ) {
                Map.Entry<String, List<Pending>> entry = lists.next();
                List<Pending> items = entry.getValue();
                for (Iterator<Pending> it = items.iterator(); it.hasNext(); ) {
                    Pending item = it.next();
                    if (item.phase != phase) {
                        continue;
                    }
                    if (now - item.acceptedNanos > limitNanos) {
                        it.remove();
                        phase.lost.incrementAndGet();
                        lostItems.computeIfAbsent(entry.getKey(), k -> new ArrayList<>()).add(item);
                    } else {
                        waiting++;
                    }
                }
                if (items.isEmpty()) {
                    lists.remove();
                }
            }
        }
        return waiting;
    }
}
