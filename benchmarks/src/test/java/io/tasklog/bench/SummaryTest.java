package io.tasklog.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class SummaryTest {

    @Test
    void nearestRankPercentilesOfOneToTen() {
        long[] values = LongStream.rangeClosed(1, 10).toArray();

        assertThat(Summary.percentile(values, 50)).isEqualTo(5);
        assertThat(Summary.percentile(values, 90)).isEqualTo(9);
        assertThat(Summary.percentile(values, 91)).isEqualTo(10);
        assertThat(Summary.percentile(values, 99)).isEqualTo(10);
        assertThat(Summary.percentile(values, 100)).isEqualTo(10);
        assertThat(Summary.percentile(values, 0.001)).isEqualTo(1);
    }

    @Test
    void p99OfAThousandIsTheNineHundredNinetiethSample() {
        long[] values = LongStream.rangeClosed(1, 1000).map(v -> 1001 - v).toArray(); // unsorted on purpose

        Summary summary = Summary.of(values);

        assertThat(summary.count()).isEqualTo(1000);
        assertThat(summary.min()).isEqualTo(1);
        assertThat(summary.p50()).isEqualTo(500);
        assertThat(summary.p90()).isEqualTo(900);
        assertThat(summary.p95()).isEqualTo(950);
        assertThat(summary.p99()).isEqualTo(990);
        assertThat(summary.max()).isEqualTo(1000);
        assertThat(summary.mean()).isEqualTo(500.5);
        assertThat(values[0]).isEqualTo(1000); // the input is not sorted in place
    }

    @Test
    void aSingleSampleIsEveryPercentile() {
        Summary summary = Summary.of(new long[] {42});

        assertThat(summary.p50()).isEqualTo(42);
        assertThat(summary.p99()).isEqualTo(42);
        assertThat(summary.max()).isEqualTo(42);
    }

    @Test
    void noSamplesIsEmptyAndSaysSo() {
        assertThat(Summary.of(new long[0]).isEmpty()).isTrue();
        assertThat(Summary.of(new long[0]).format()).contains("no samples");
        assertThatThrownBy(() -> Summary.percentile(new long[0], 50)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Summary.percentile(new long[] {1}, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void samplesCollectFromManyThreads() throws InterruptedException {
        Samples samples = new Samples();
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> {
                for (int i = 1; i <= 5000; i++) {
                    samples.add(i);
                }
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(samples.size()).isEqualTo(20_000);
        assertThat(samples.summary().p50()).isEqualTo(2500);
    }

    @Test
    void formatsMilliseconds() {
        Summary summary = Summary.of(new long[] {1_500_000, 2_500_000});

        assertThat(summary.format()).contains("p50=1.50").contains("max=2.50");
        assertThat(summary.toJson().path("p99Ms").asDouble()).isEqualTo(2.5);
    }
}
