package io.tasklog.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** One phase of {@link StreamLatencyBench} (warm-up, open loop, closed loop): its counters, samples and report. */
final class StreamPhase {
    final String name;
    final AtomicLong sent = new AtomicLong();
    final AtomicLong accepted = new AtomicLong();
    final AtomicLong errors = new AtomicLong();
    final AtomicLong skipped = new AtomicLong();
    final AtomicLong delivered = new AtomicLong();
    final AtomicLong lost = new AtomicLong();
    final AtomicLong eventBeforeAnswer = new AtomicLong();
    final AtomicLong arrivedAfterLimit = new AtomicLong();
    final AtomicInteger inFlight = new AtomicInteger();
    final Map<Integer, String> errorExamples = new ConcurrentHashMap<>();
    final Samples http = new Samples();
    final Samples acceptedToSse = new Samples();
    final Samples sentToSse = new Samples();
    final int lostAfterSeconds;
    volatile long elapsedNanos;

    StreamPhase(String name, int lostAfterSeconds) {
        this.name = name;
        this.lostAfterSeconds = lostAfterSeconds;
    }

    double seconds() {
        return elapsedNanos / 1e9;
    }

    void print() {
        Report.line("commands    sent %d, accepted %d (%.1f/s achieved), errors %d, skipped %d (in-flight cap)",
                sent.get(), accepted.get(), accepted.get() / seconds(), errors.get(), skipped.get());
        if (!errorExamples.isEmpty()) {
            Report.line("errors by status: %s", errorExamples);
        }
        Report.line("HTTP        %s", http.summary().format());
        Report.line("accepted→SSE %s", acceptedToSse.summary().format());
        Report.line("sent→SSE    %s", sentToSse.summary().format());
        Report.line("events      delivered %d, lost %d (not within %d s), event read before its HTTP answer %d",
                delivered.get(), lost.get(), lostAfterSeconds, eventBeforeAnswer.get());
        if (arrivedAfterLimit.get() > 0) {
            Report.line("            of the lost, %d arrived later after all (so far)", arrivedAfterLimit.get());
        }
        if (accepted.get() > 0 && delivered.get() == 0) {
            Report.line("!! NO task.changed event matched any accepted command: the stream delivered nothing usable");
        }
    }

    ObjectNode toJson() {
        ObjectNode node = Api.object();
        node.put("seconds", Summary.round(seconds()));
        node.put("sent", sent.get());
        node.put("accepted", accepted.get());
        node.put("achievedPerSecond", Summary.round(accepted.get() / seconds()));
        node.put("errors", errors.get());
        node.put("skipped", skipped.get());
        node.put("delivered", delivered.get());
        node.put("lost", lost.get());
        node.put("eventBeforeAnswer", eventBeforeAnswer.get());
        node.put("lostButArrivedLater", arrivedAfterLimit.get());
        node.set("http", http.summary().toJson());
        node.set("acceptedToSse", acceptedToSse.summary().toJson());
        node.set("sentToSse", sentToSse.summary().toJson());
        return node;
    }
}
