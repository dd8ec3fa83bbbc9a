package io.tasklog.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Locale;

/**
 * The result of one program run: printed as a human summary while it runs, and at the end as one
 * {@code RESULT {json}} line (also appended to {@code --out}, if given) for docs/benchmarks.md.
 */
public final class Report {

    private final ObjectNode result = Api.object();

    public Report(String benchmark, String baseUrl) {
        result.put("benchmark", benchmark);
        result.put("at", Instant.now().toString());
        result.put("baseUrl", baseUrl);
        result.put("javaVersion", System.getProperty("java.version"));
        result.put("cpus", Runtime.getRuntime().availableProcessors());
    }

    public ObjectNode json() {
        return result;
    }

    public ObjectNode section(String name) {
        return result.putObject(name);
    }

    public static void line(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
        System.out.flush();
    }

    public static void heading(String title) {
        System.out.println();
        System.out.println("== " + title);
        System.out.flush();
    }

    public void finish(String outFile) {
        String json = result.toString();
        System.out.println();
        System.out.println("RESULT " + json);
        if (outFile != null) {
            try {
                Files.writeString(Path.of(outFile), json + System.lineSeparator(), StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                System.out.println("(appended to " + outFile + ")");
            } catch (IOException e) {
                System.err.println("could not append to " + outFile + ": " + e);
            }
        }
    }

    /** The machine's 1-minute load average ({@code /proc/loadavg}), -1 where there is none. */
    public static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    public static String describe(JsonNode node) {
        return node == null ? "null" : node.toString();
    }
}
