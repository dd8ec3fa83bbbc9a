package io.tasklog.bench;

/** What {@code java -jar benchmarks.jar} prints: the programs in this jar and how to start them. */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) {
        System.out.println("""
                Tasklog benchmarks: run one program with
                  java -cp benchmarks/target/benchmarks.jar io.tasklog.bench.<Program> --base-url http://localhost:8080 [options]

                Programs (each takes --help):
                  WriteLatencyBench       POST /api/tasks latency, sequential and with C concurrent clients
                  WriteThroughputBench    creates/s and updates/s (If-Match) at C clients vs a bare Axon service
                                          (benchmarks/axon-baseline, started here) and pgbench inserts on the
                                          same PostgreSQL (needs --jdbc-url)
                  StreamLatencyBench      command accepted -> SSE task.changed latency at a fixed rate; max commands/s
                  QueryAtScaleBench       seeds 100,000 tasks for one user, times each list query shape
                  FanOutBench             U users x S open streams each: one create per user -> all S streams
                  ReminderLatenessBench   lateness of "overdue" notification.created events against dueAt
                  McpLatencyBench         MCP tool calls (create_task, list_tasks) beside the same REST calls
                  RebuildBench            rebuild of task_view from 1,000,000 stored events vs the raw read rate
                                          (seeds the store with SQL: needs --jdbc-url to the app's PostgreSQL)

                See docs/benchmarks-howto.md.""");
    }
}
