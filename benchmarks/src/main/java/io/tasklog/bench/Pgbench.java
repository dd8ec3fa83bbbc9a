package io.tasklog.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The database's own ceiling for event-store-like writes: {@code pgbench} with C clients, each transaction one
 * single-row insert of a 300-byte payload (autocommit: one fsync'd commit per row), in a database of its own on
 * the application's PostgreSQL server.
 */
final class Pgbench {

    static final String DATABASE = "bench_pgbench";
    static final int PAYLOAD_BYTES = 300;
    private static final Pattern JDBC = Pattern.compile("^jdbc:postgresql://([^/:?]+)(?::(\\d+))?/([^?]*)(\\?.*)?$");
    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\((?:without initial connection time|excluding connections establishing)\\)");
    private static final Pattern LATENCY = Pattern.compile("latency average = ([0-9.]+) ms");

    record Result(double tps, double latencyAverageMs, int clients, int seconds) {
        ObjectNode toJson() {
            return Api.object().put("tps", Summary.round(tps)).put("latencyAverageMs", latencyAverageMs)
                    .put("clients", clients).put("seconds", seconds);
        }
    }

    private Pgbench() {
    }

    /** The same server's JDBC URL with another database name. */
    static String withDatabase(String jdbcUrl, String database) {
        Matcher m = matchJdbc(jdbcUrl);
        return "jdbc:postgresql://" + m.group(1) + (m.group(2) == null ? "" : ":" + m.group(2)) + "/" + database
                + (m.group(4) == null ? "" : m.group(4));
    }

    /** Creates {@code database} on the server of {@code jdbcUrl} unless it exists. */
    static void createDatabase(DatabaseOptions server, String database) throws SQLException {
        try (Connection db = server.connect(); Statement sql = db.createStatement()) {
            boolean exists = sql.executeQuery("select 1 from pg_database where datname = '" + database + "'").next();
            if (!exists) {
                sql.execute("create database " + database);
            }
        }
    }

    static boolean installed() {
        try {
            return new ProcessBuilder("pgbench", "--version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static Result run(DatabaseOptions server, int clients, int seconds) throws Exception {
        createDatabase(server, DATABASE);
        try (Connection db = DriverManager.getConnection(withDatabase(server.jdbcUrl, DATABASE), server.user, server.password);
             Statement sql = db.createStatement()) {
            sql.execute("create table if not exists event (id bigserial primary key, aggregate_id text not null, payload text not null)");
        }
        Path script = Files.createTempFile("pgbench-insert-", ".sql");
        Files.writeString(script, "\\set aid random(1, 1000000)\n"
                + "insert into event (aggregate_id, payload) values ('task-' || :aid, '" + "x".repeat(PAYLOAD_BYTES) + "');\n",
                StandardCharsets.UTF_8);
        Matcher m = matchJdbc(server.jdbcUrl);
        ProcessBuilder builder = new ProcessBuilder(List.of("pgbench", "-n", "-c", String.valueOf(clients),
                "-j", String.valueOf(Math.min(2, clients)), "-T", String.valueOf(seconds), "-f", script.toString(),
                "-h", m.group(1), "-p", m.group(2) == null ? "5432" : m.group(2), "-U", server.user, DATABASE))
                .redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", server.password);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        Files.deleteIfExists(script);
        if (exit != 0) {
            throw new IllegalStateException("pgbench exited " + exit + ":\n" + output);
        }
        return parse(output, clients, seconds);
    }

    /** The figures of pgbench's report (versions 13+ say "without initial connection time", older ones "excluding ..."). */
    static Result parse(String output, int clients, int seconds) {
        Matcher tps = TPS.matcher(output);
        if (!tps.find()) {
            throw new IllegalStateException("no tps in pgbench's output:\n" + output);
        }
        Matcher latency = LATENCY.matcher(output);
        return new Result(Double.parseDouble(tps.group(1)), latency.find() ? Double.parseDouble(latency.group(1)) : 0,
                clients, seconds);
    }

    private static Matcher matchJdbc(String jdbcUrl) {
        Matcher m = JDBC.matcher(jdbcUrl);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a jdbc:postgresql://host[:port]/database URL: " + jdbcUrl);
        }
        return m;
    }
}
