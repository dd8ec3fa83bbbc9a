package io.tasklog.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Memory of a process on this machine (Linux): resident and proportional set size from {@code /proc}, and for a
 * JVM the heap in use after a full GC (with {@code jcmd}, so the JDK's bin must be on the PATH).
 */
final class ProcessMemory {

    private static final Pattern HEAP_USED = Pattern.compile("total (\\d+)K, used (\\d+)K");

    private ProcessMemory() {
    }

    /** {@code jcmd GC.heap_info} after {@code jcmd GC.run}: what is left when all garbage is gone. */
    record Heap(long usedKb, long committedKb, String info) {

        double usedMb() {
            return usedKb / 1024.0;
        }

        double committedMb() {
            return committedKb / 1024.0;
        }
    }

    static Heap heapAfterFullGc(long pid) throws IOException, InterruptedException {
        new ProcessBuilder("jcmd", Long.toString(pid), "GC.run").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        Process heap = new ProcessBuilder("jcmd", Long.toString(pid), "GC.heap_info").redirectErrorStream(true).start();
        String info = new String(heap.getInputStream().readAllBytes()).strip();
        heap.waitFor();
        Matcher m = HEAP_USED.matcher(info);
        return m.find() ? new Heap(Long.parseLong(m.group(2)), Long.parseLong(m.group(1)), info) : new Heap(-1, -1, info);
    }

    /** Resident set size in kB ({@code VmRSS}), or -1 when the process is gone. */
    static long rssKb(long pid) {
        return field(Path.of("/proc", Long.toString(pid), "status"), "VmRSS:");
    }

    /**
     * Proportional set size in kB ({@code Pss} of {@code smaps_rollup}): pages shared with other processes (PostgreSQL's
     * shared buffers, its backends' common code) count in part, so the sum over processes is what they use together.
     */
    static long pssKb(long pid) {
        return field(Path.of("/proc", Long.toString(pid), "smaps_rollup"), "Pss:");
    }

    /** The PostgreSQL server whose data directory is {@code dataDirectory} (its {@code postmaster.pid}), if running. */
    static Optional<ProcessHandle> postmaster(Path dataDirectory) {
        try {
            return ProcessHandle.of(Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).strip()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** A process and all its descendants (a postmaster and its backends, a JVM and its children). */
    static Stream<ProcessHandle> tree(ProcessHandle root) {
        return Stream.concat(Stream.of(root), root.descendants());
    }

    private static long field(Path file, String name) {
        try {
            Optional<String> line = Files.readAllLines(file).stream().filter(l -> l.startsWith(name)).findFirst();
            return line.map(l -> Long.parseLong(l.substring(name.length()).replace("kB", "").strip())).orElse(-1L);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
