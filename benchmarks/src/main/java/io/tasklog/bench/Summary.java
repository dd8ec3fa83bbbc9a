package io.tasklog.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.Locale;

/**
 * Order statistics of a set of latencies (nanoseconds), by the nearest-rank method: the p-th percentile
 * is the smallest sample such that at least p % of all samples are less than or equal to it
 * (so p50 of 1..10 is 5, p90 is 9, p99 and p100 are 10). No interpolation: every reported value
 * is a latency that was actually observed.
 */
public record Summary(int count, long min, long p50, long p90, long p95, long p99, long max, double mean) {

    public static final Summary EMPTY = new Summary(0, 0, 0, 0, 0, 0, 0, 0);

    public static Summary of(long[] nanos) {
        if (nanos.length == 0) {
            return EMPTY;
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double sum = 0;
        for (long v : sorted) {
            sum += v;
        }
        return new Summary(sorted.length, sorted[0], percentile(sorted, 50), percentile(sorted, 90),
                percentile(sorted, 95), percentile(sorted, 99), sorted[sorted.length - 1], sum / sorted.length);
    }

    /** Nearest-rank percentile of an ascending array; {@code p} in (0, 100]. */
    public static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        if (!(p > 0 && p <= 100)) {
            throw new IllegalArgumentException("percentile must be in (0, 100]: " + p);
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.min(Math.max(rank, 1), sorted.length) - 1];
    }

    public boolean isEmpty() {
        return count == 0;
    }

    public static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    /** One line, milliseconds: {@code n=1000 p50=3.21 p90=… p99=… max=… mean=… ms}. */
    public String format() {
        if (count == 0) {
            return "n=0 (no samples)";
        }
        return String.format(Locale.ROOT, "n=%d  p50=%.2f  p90=%.2f  p95=%.2f  p99=%.2f  max=%.2f  mean=%.2f ms",
                count, ms(p50), ms(p90), ms(p95), ms(p99), ms(max), ms((long) mean));
    }

    /** The same numbers in milliseconds, for the JSON result line. */
    public ObjectNode toJson() {
        ObjectNode node = Api.JSON.createObjectNode();
        node.put("count", count);
        if (count > 0) {
            node.put("minMs", round(ms(min)));
            node.put("p50Ms", round(ms(p50)));
            node.put("p90Ms", round(ms(p90)));
            node.put("p95Ms", round(ms(p95)));
            node.put("p99Ms", round(ms(p99)));
            node.put("maxMs", round(ms(max)));
            node.put("meanMs", round(mean / 1_000_000.0));
        }
        return node;
    }

    static double round(double value) {
        return Math.round(value * 100.0) / 100.0;
    }
}
