package io.tasklog.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PgbenchTest {

    @Test
    void readsTpsAndLatencyFromPgbenchsReport() {
        String output = """
                transaction type: /tmp/pgbench-insert-1.sql
                scaling factor: 1
                query mode: simple
                number of clients: 8
                number of threads: 2
                duration: 20 s
                number of transactions actually processed: 172603
                latency average = 0.927 ms
                initial connection time = 12.345 ms
                tps = 8630.137042 (without initial connection time)
                """;
        Pgbench.Result result = Pgbench.parse(output, 8, 20);
        assertThat(result.tps()).isEqualTo(8630.137042);
        assertThat(result.latencyAverageMs()).isEqualTo(0.927);
        assertThatThrownBy(() -> Pgbench.parse("connection to server failed", 8, 20)).hasMessageContaining("no tps");
    }

    @Test
    void namesAnotherDatabaseOnTheSameServer() {
        assertThat(Pgbench.withDatabase("jdbc:postgresql://localhost:54329/tasklog", "bench_pgbench"))
                .isEqualTo("jdbc:postgresql://localhost:54329/bench_pgbench");
        assertThat(Pgbench.withDatabase("jdbc:postgresql://db.internal/tasklog?sslmode=require", "x"))
                .isEqualTo("jdbc:postgresql://db.internal/x?sslmode=require");
    }
}
