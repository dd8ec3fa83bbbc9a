package io.tasklog.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordingFile;

/**
 * A JFR recording of another JVM on this machine ({@code jcmd <pid> JFR.start/stop}, settings {@code profile}) and
 * where its CPU went: the execution samples ({@code jdk.ExecutionSample}, Java code running on a CPU) read with
 * the JDK's {@link RecordingFile}, counted by top frame ("self") and by any frame ("inclusive", once per sample).
 */
final class JfrProfile {

    /** Package groups whose inclusive share is reported (a sample counts once per group it has a frame in). */
    static final List<String> GROUPS = List.of("io.tasklog", "org.axonframework", "org.hibernate",
            "org.springframework.security", "io.micrometer", "com.fasterxml");

    static final String NAME = "writebench";

    private JfrProfile() {
    }

    static void start(long pid, Path file) throws IOException, InterruptedException {
        // deeper stacks than JFR's default 64 frames (Spring + Axon stacks are deeper); only takes effect if JFR
        // has not been used in that JVM yet, so this may well be a no-op: the truncated stacks are counted below
        new ProcessBuilder("jcmd", String.valueOf(pid), "JFR.configure", "stackdepth=256").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        jcmd(pid, "JFR.start", "name=" + NAME, "settings=profile", "filename=" + file.toAbsolutePath());
    }

    static void stop(long pid) throws IOException, InterruptedException {
        jcmd(pid, "JFR.stop", "name=" + NAME);
    }

    private static void jcmd(long pid, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("jcmd", String.valueOf(pid)));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0 || output.contains("Could not") || output.contains("failed")) {
            throw new IllegalStateException(String.join(" ", command) + ": " + output.strip());
        }
    }

    /** Prints the hottest methods and package groups of {@code file}; returns the same as JSON. */
    static ObjectNode analyse(Path file, int topSelf, int topInGroups) throws IOException {
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> threads = new HashMap<>();
        Map<String, Integer> inclusive = new HashMap<>();
        Map<String, Integer> groupSelf = new LinkedHashMap<>();
        Map<String, Integer> groupInclusive = new LinkedHashMap<>();
        GROUPS.forEach(g -> {
            groupSelf.put(g, 0);
            groupInclusive.put(g, 0);
        });
        int samples = 0;
        int truncated = 0;
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null
                        || event.getStackTrace().getFrames().isEmpty()) {
                    continue;
                }
                samples++;
                threads.merge(threadGroup(event.getThread("sampledThread")), 1, Integer::sum);
                truncated += event.getStackTrace().isTruncated() ? 1 : 0;
                List<RecordedFrame> frames = event.getStackTrace().getFrames();
                String top = name(frames.get(0).getMethod());
                self.merge(top, 1, Integer::sum);
                String topGroup = group(top);
                if (topGroup != null) {
                    groupSelf.merge(topGroup, 1, Integer::sum);
                }
                Set<String> methods = new HashSet<>();
                Set<String> groups = new HashSet<>();
                for (RecordedFrame frame : frames) {
                    String method = name(frame.getMethod());
                    String group = group(method);
                    if (group != null) {
                        groups.add(group);
                        methods.add(method);
                    }
                }
                methods.forEach(m -> inclusive.merge(m, 1, Integer::sum));
                groups.forEach(g -> groupInclusive.merge(g, 1, Integer::sum));
            }
        }
        ObjectNode json = Api.object().put("file", file.toString()).put("executionSamples", samples).put("truncatedStacks", truncated);
        Report.line("%,d execution samples (%,d with a stack truncated at JFR's depth, 64 frames by default)", samples, truncated);
        Report.line("");
        Report.line("by thread (numbers in names dropped): which part of the server the samples ran in");
        json.set("threads", table(threads, samples, 20));
        Report.line("");
        Report.line("top %d methods by own samples (top frame):", topSelf);
        json.set("topSelf", table(self, samples, topSelf));
        Report.line("");
        Report.line("package groups: samples with a frame in the group (inclusive) / with the top frame in it (self)");
        ObjectNode groupsJson = json.putObject("groups");
        for (String group : GROUPS) {
            int in = groupInclusive.get(group);
            int own = groupSelf.get(group);
            Report.line("  %-30s inclusive %6.1f %%   self %6.1f %%", group, pct(in, samples), pct(own, samples));
            groupsJson.putObject(group).put("inclusivePct", Summary.round(pct(in, samples))).put("selfPct", Summary.round(pct(own, samples)));
        }
        Report.line("");
        Report.line("top %d methods of those groups by inclusive samples (the method anywhere on the stack):", topInGroups);
        json.set("topInclusiveInGroups", table(inclusive, samples, topInGroups));
        return json;
    }

    private static ArrayNode table(Map<String, Integer> counts, int samples, int limit) {
        ArrayNode rows = Api.JSON.createArrayNode();
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())).limit(limit)
                .forEach(e -> {
                    Report.line("  %6.1f %%  %6d  %s", pct(e.getValue(), samples), e.getValue(), e.getKey());
                    rows.addObject().put("method", e.getKey()).put("samples", e.getValue()).put("pct", Summary.round(pct(e.getValue(), samples)));
                });
        return rows;
    }

    /** "http-nio-8080-exec-7" and "http-nio-8080-exec-2" are one group: HTTP workers, one processor, one pool. */
    private static String threadGroup(jdk.jfr.consumer.RecordedThread thread) {
        String name = thread == null ? null : thread.getJavaName();
        return name == null ? "(native)" : name.replaceAll("-?\\d+", "").replaceAll("\\s+", " ").strip();
    }

    private static String name(RecordedMethod method) {
        return method == null ? "?" : method.getType().getName() + "." + method.getName();
    }

    private static String group(String method) {
        for (String group : GROUPS) {
            if (method.startsWith(group + ".")) {
                return group;
            }
        }
        return null;
    }

    private static double pct(int count, int total) {
        return total == 0 ? 0 : 100.0 * count / total;
    }
}
