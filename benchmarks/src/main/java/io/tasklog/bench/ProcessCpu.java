package io.tasklog.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * CPU time spent by the parts of a measured system on this machine (Linux {@code /proc}): the server's JVM, the
 * PostgreSQL server (its postmaster and every backend) and this client. Divided by the operations of a phase it
 * says what one operation costs each part, and so how many per second the machine's cores can carry at most.
 */
final class ProcessCpu {

    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ, 100 on every Linux this runs on

    private final Long serverPid;
    private final Optional<ProcessHandle> postmaster;

    private ProcessCpu(Long serverPid, Optional<ProcessHandle> postmaster) {
        this.serverPid = serverPid;
        this.postmaster = postmaster;
    }

    /** Watches the server (may be null) and the PostgreSQL server behind {@code database} when it runs here. */
    static ProcessCpu watching(Long serverPid, DatabaseOptions database) {
        return new ProcessCpu(serverPid, postmaster(database));
    }

    /** CPU seconds so far: server, PostgreSQL (all its processes alive now, plus their reaped children), client. */
    Sample sample() {
        double server = serverPid == null ? 0 : seconds(serverPid, false);
        double postgres = postmaster.filter(ProcessHandle::isAlive)
                .map(root -> seconds(root.pid(), true) + root.descendants().mapToDouble(p -> seconds(p.pid(), false)).sum())
                .orElse(0.0);
        return new Sample(server, postgres, seconds(ProcessHandle.current().pid(), false), System.nanoTime());
    }

    record Sample(double server, double postgres, double client, long nanos) {

        /** Milliseconds of CPU per operation between {@code earlier} and this sample. */
        ObjectNode perOperation(Sample earlier, int operations) {
            double n = Math.max(1, operations);
            double wall = (nanos - earlier.nanos) / 1e9;
            return Api.object()
                    .put("serverMs", Summary.round((server - earlier.server) * 1000 / n))
                    .put("postgresMs", Summary.round((postgres - earlier.postgres) * 1000 / n))
                    .put("clientMs", Summary.round((client - earlier.client) * 1000 / n))
                    .put("cpuBusyPct", Summary.round(100 * (server - earlier.server + postgres - earlier.postgres
                            + client - earlier.client) / wall / Runtime.getRuntime().availableProcessors()));
        }

        static String format(ObjectNode perOp) {
            double total = perOp.get("serverMs").asDouble() + perOp.get("postgresMs").asDouble() + perOp.get("clientMs").asDouble();
            return String.format("CPU per operation: server %.2f ms, PostgreSQL %.2f ms, client %.2f ms = %.2f ms"
                            + " (at most %.0f/s on %d cores); cores busy %.0f %%",
                    perOp.get("serverMs").asDouble(), perOp.get("postgresMs").asDouble(), perOp.get("clientMs").asDouble(),
                    total, 1000.0 * Runtime.getRuntime().availableProcessors() / total,
                    Runtime.getRuntime().availableProcessors(), perOp.get("cpuBusyPct").asDouble());
        }
    }

    /** CPU seconds the JVM's JIT compiler threads (C1, C2) have used so far: still growing = still warming up. */
    static double compilerSeconds(long pid) {
        try (Stream<Path> threads = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            return threads.filter(ProcessCpu::isCompilerThread)
                    .mapToDouble(thread -> seconds(Long.parseLong(thread.getFileName().toString()), false, thread.resolve("stat")))
                    .sum();
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static boolean isCompilerThread(Path thread) {
        try {
            String name = Files.readString(thread.resolve("comm"));
            return name.startsWith("C2 Compiler") || name.startsWith("C1 Compiler");
        } catch (IOException e) {
            return false;
        }
    }

    /** utime + stime (and, for a parent, what its reaped children used) from {@code /proc/<pid>/stat}. */
    private static double seconds(long pid, boolean withReapedChildren) {
        return seconds(pid, withReapedChildren, Path.of("/proc", Long.toString(pid), "stat"));
    }

    private static double seconds(long pid, boolean withReapedChildren, Path statFile) {
        try {
            String stat = Files.readString(statFile);
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            if (withReapedChildren) {
                ticks += Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
            }
            return ticks / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return 0; // gone meanwhile (a backend that ended is counted in its parent's reaped children)
        }
    }

    /** The postmaster of the server behind {@code database}, when its data directory is on this machine. */
    private static Optional<ProcessHandle> postmaster(DatabaseOptions database) {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("show data_directory")) {
            rs.next();
            Optional<ProcessHandle> postmaster = ProcessMemory.postmaster(Path.of(rs.getString(1)));
            if (postmaster.isEmpty()) {
                Report.line("!! PostgreSQL's data directory is not on this machine: its CPU is not counted");
            }
            return postmaster;
        } catch (Exception e) {
            Report.line("!! PostgreSQL's processes not found (%s): its CPU is not counted", e.getMessage());
            return Optional.empty();
        }
    }
}
