package io.tasklog.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A real PostgreSQL 17 server (zonky embedded binaries, run as a child process).
 *
 * <p>Two modes:
 * <ul>
 *   <li><b>temporary</b> ({@link #temporary()}): a fresh data directory under the system temp dir, deleted by
 *       {@link #close()}; fsync off (fast, for tests).</li>
 *   <li><b>persistent</b> ({@link #persistent(Path, int)}): a fixed data directory that is initialised once
 *       ({@code initdb} only if it holds no cluster yet) and reused, never cleaned, on every later start;
 *       fsync on.</li>
 * </ul>
 * In both modes {@link #stop()} followed by {@link #start()} restarts the server on the same port with the same
 * data. Authentication is {@code trust} on localhost; the superuser is {@code postgres}. Not thread-safe beyond
 * the synchronized lifecycle methods.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    public static final String SUPERUSER = "postgres";
    /** Ignored by the server (trust authentication) but handy for clients that insist on a password. */
    public static final String PASSWORD = "postgres";
    private static final Pattern DB_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_\\-]{0,62}");
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final Path dataDirectory;
    private final boolean temporary;
    private final int port;
    private EmbeddedPostgres postgres;
    private boolean closed;
    private final ExitHook exitHook;

    /**
     * @param dataDirectory fixed data directory (created if absent, reused if it already holds a cluster),
     *                      or {@code null} for a temporary one deleted on {@link #close()}
     * @param port          TCP port, or {@code 0} to pick a free one now (kept for the lifetime of this object)
     */
    public EmbeddedPostgresServer(Path dataDirectory, int port) {
        try {
            this.temporary = dataDirectory == null;
            this.dataDirectory = temporary
                    ? Files.createTempDirectory("tasklog-pg-")
                    : dataDirectory.toAbsolutePath().normalize();
            this.port = port == 0 ? FreePorts.find() : port;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.exitHook = new ExitHook("embedded-postgres-shutdown-" + this.port, this::close);
    }

    /** A server in a temporary data directory on a free port (not started). */
    public static EmbeddedPostgresServer temporary() {
        return new EmbeddedPostgresServer(null, 0);
    }

    /** A server in a fixed, reused data directory (not started); {@code port} 0 picks a free one. */
    public static EmbeddedPostgresServer persistent(Path dataDirectory, int port) {
        return new EmbeddedPostgresServer(dataDirectory, port);
    }

    /**
     * Whether a JVM shutdown hook stops the server if it is still running at exit (default {@code true}). Turn it
     * off when the caller orders shutdown itself (e.g. app first, then Kafka, then PostgreSQL). Set before start.
     */
    public synchronized EmbeddedPostgresServer registerShutdownHook(boolean register) {
        exitHook.setEnabled(register);
        return this;
    }

    /** Starts the server (initdb first if the data directory holds no cluster). No-op if already running. */
    public synchronized EmbeddedPostgresServer start() {
        if (closed) {
            throw new IllegalStateException("closed");
        }
        if (postgres != null) {
            return this;
        }
        try {
            Files.createDirectories(dataDirectory);
            stopOrphanedPostmaster();
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false) // we delete temporary directories ourselves, in close()
                    .setRegisterShutdownHook(false) // ours (below) also deletes a temporary directory
                    .setPort(port)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("listen_addresses", "localhost");
            if (!temporary) {
                // zonky starts postgres with -F (fsync off); a kept database should survive a machine crash.
                builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
            }
            postgres = builder.start();
            exitHook.install();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start in " + dataDirectory, e);
        }
    }

    /** Stops the server (fast shutdown), keeping the data directory and the port for a later {@link #start()}. */
    public synchronized void stop() {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warn("Stopping PostgreSQL failed", e);
        } finally {
            postgres = null;
        }
    }

    /** Stops the server; a temporary data directory is deleted. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        stop();
        closed = true;
        if (temporary) {
            FileTrees.deleteQuietly(dataDirectory);
        }
        exitHook.remove();
    }


    public synchronized boolean isRunning() {
        return postgres != null;
    }

    public boolean isTemporary() {
        return temporary;
    }

    public int port() {
        return port;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** JDBC URL of the given database, without credentials, e.g. {@code jdbc:postgresql://localhost:54329/tasklog}. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    /** JDBC URL of the {@code postgres} maintenance database. */
    public String jdbcUrl() {
        return jdbcUrl("postgres");
    }

    public String username() {
        return SUPERUSER;
    }

    public String password() {
        return PASSWORD;
    }

    /** A simple non-pooling DataSource for the given database (the server must be running). */
    public DataSource dataSource(String database) {
        return running().getDatabase(SUPERUSER, database);
    }

    /**
     * Creates the database unless it already exists (idempotent; safe to call on every start).
     *
     * @return {@code true} if it was created now
     */
    public boolean createDatabase(String name) {
        if (!DB_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Unsupported database name: " + name);
        }
        try (Connection c = running().getPostgresDatabase().getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return false;
                    }
                }
            }
            try (Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE \"" + name + "\"");
                return true;
            } catch (SQLException e) {
                if ("42P04".equals(e.getSQLState())) { // duplicate_database: created concurrently
                    return false;
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name, e);
        }
    }

    private synchronized EmbeddedPostgres running() {
        if (postgres == null) {
            throw new IllegalStateException("PostgreSQL is not running");
        }
        return postgres;
    }

    /**
     * A JVM killed with SIGKILL leaves its postmaster running (pg_ctl daemonises it), and the next start would
     * fail on the taken port / {@code postmaster.pid}. Ask such a leftover to shut down (SIGINT = fast shutdown).
     */
    private void stopOrphanedPostmaster() {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        try {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            if (lines.isEmpty()) {
                return;
            }
            long pid = Long.parseLong(lines.get(0).trim());
            Optional<ProcessHandle> handle = ProcessHandle.of(pid);
            if (handle.isEmpty() || !handle.get().isAlive()
                    || !handle.get().info().command().map(cmd -> cmd.endsWith("postgres")).orElse(false)) {
                return; // stale pid file: postgres copes with it by itself
            }
            LOG.warn("Found a running postmaster (pid {}) left over on {}; shutting it down", pid, dataDirectory);
            new ProcessBuilder("kill", "-INT", Long.toString(pid)).inheritIO().start().waitFor();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (handle.get().isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
        } catch (IOException | NumberFormatException e) {
            LOG.debug("Could not inspect {}", pidFile, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "EmbeddedPostgresServer[" + jdbcUrl() + ", dataDirectory=" + dataDirectory
                + (temporary ? " (temporary)" : "") + "]";
    }
}
