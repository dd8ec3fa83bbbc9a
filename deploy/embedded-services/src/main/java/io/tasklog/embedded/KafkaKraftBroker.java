package io.tasklog.embedded;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A real Apache Kafka broker (the version on the classpath, 3.9.x) running in-process in KRaft combined mode
 * ({@code process.roles=broker,controller}, node id 1, a single-voter quorum), with every replication factor and
 * min ISR at 1 and small internal topics so that it starts in a few seconds.
 *
 * <p>Two modes, like {@link EmbeddedPostgresServer}:
 * <ul>
 *   <li><b>temporary</b> ({@link #temporary()}): log dir under the system temp dir, deleted by {@link #close()};</li>
 *   <li><b>persistent</b> ({@link #persistent(Path, int, int)}): a fixed log dir, formatted only when it holds no
 *       {@code meta.properties} yet, reused on every later start.</li>
 * </ul>
 * Ports are fixed when the object is built (0 picks a free one then), so {@link #stop()} / {@link #start()} /
 * {@link #restart()} keep the same {@link #bootstrapServers()} and the same data: clients reconnect by themselves.
 * Topics are not auto-created unless {@code auto.create.topics.enable=true} is passed via {@link #withProperty}:
 * create them with {@link #createTopic(String, int)}.
 *
 * <p>Nothing here calls {@code System.exit}: Kafka's own {@link Exit} procedures are replaced, on first start, by
 * ones that log and throw. A JVM shutdown hook stops a broker left running, so it never holds the JVM open.
 */
public final class KafkaKraftBroker implements AutoCloseable {

    public static final String PLAINTEXT_LISTENER = "PLAINTEXT";
    public static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final int NODE_ID = 1;
    private static final Logger LOG = LoggerFactory.getLogger(KafkaKraftBroker.class);
    private static volatile boolean exitProceduresInstalled;

    private final Path logDirectory;
    private final boolean temporary;
    private final int port;
    private final int controllerPort;
    private final Map<String, String> overrides = new LinkedHashMap<>();
    private KafkaRaftServer server;
    private final ExitHook exitHook;
    private boolean closed;

    /**
     * @param logDirectory   fixed log dir (formatted only if it has no {@code meta.properties}), or {@code null} for
     *                       a temporary one deleted on {@link #close()}
     * @param port           PLAINTEXT (client) port, 0 = pick a free one now
     * @param controllerPort CONTROLLER (KRaft quorum) port, 0 = pick a free one now
     */
    public KafkaKraftBroker(Path logDirectory, int port, int controllerPort) {
        try {
            this.temporary = logDirectory == null;
            this.logDirectory = temporary
                    ? Files.createTempDirectory("tasklog-kafka-")
                    : logDirectory.toAbsolutePath().normalize();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.port = port == 0 ? FreePorts.find() : port;
        int cp = controllerPort == 0 ? FreePorts.find() : controllerPort;
        while (cp == this.port) {
            cp = FreePorts.find();
        }
        this.controllerPort = cp;
        this.exitHook = new ExitHook("kafka-kraft-broker-shutdown-" + this.port, this::close);
    }

    /** A broker with a temporary log dir on free ports (not started). */
    public static KafkaKraftBroker temporary() {
        return new KafkaKraftBroker(null, 0, 0);
    }

    /** A broker with a fixed, reused log dir (not started); a port of 0 picks a free one. */
    public static KafkaKraftBroker persistent(Path logDirectory, int port, int controllerPort) {
        return new KafkaKraftBroker(logDirectory, port, controllerPort);
    }

    /** Overrides or adds a broker property (takes effect on the next start). */
    public synchronized KafkaKraftBroker withProperty(String key, String value) {
        overrides.put(key, value);
        return this;
    }

    /**
     * Whether a JVM shutdown hook stops the broker if it is still running at exit (default {@code true}). Turn it
     * off when the caller orders shutdown itself. Set before the first start.
     */
    public synchronized KafkaKraftBroker registerShutdownHook(boolean register) {
        exitHook.setEnabled(register);
        return this;
    }

    /**
     * Formats the log dir if needed, starts the broker and waits until it serves clients. No-op if running.
     */
    public synchronized KafkaKraftBroker start() {
        if (closed) {
            throw new IllegalStateException("closed");
        }
        if (server != null) {
            return this;
        }
        installExitProcedures();
        long t0 = System.nanoTime();
        Properties props = brokerProperties();
        KafkaConfig config = KafkaConfig.fromProps(props, false);
        formatIfNeeded();
        KafkaRaftServer s = new KafkaRaftServer(config, Time.SYSTEM);
        try {
            s.startup();
        } catch (RuntimeException e) {
            shutdownQuietly(s);
            throw new IllegalStateException("Kafka broker did not start on " + bootstrapServers(), e);
        }
        server = s;
        exitHook.install();
        awaitReady(Duration.ofSeconds(60));
        LOG.info("Kafka broker started on {} (log dir {}) in {} ms", bootstrapServers(), logDirectory,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
        return this;
    }

    /** Cleanly shuts the broker down (controlled shutdown) and frees its ports; the log dir is kept. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        long t0 = System.nanoTime();
        KafkaRaftServer s = server;
        server = null;
        shutdownQuietly(s);
        LOG.info("Kafka broker on {} stopped in {} ms", bootstrapServers(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
    }

    /** {@link #stop()} then {@link #start()}: same ports, same log dir, same data. */
    public synchronized KafkaKraftBroker restart() {
        stop();
        return start();
    }

    /** Stops the broker; a temporary log dir is deleted. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        stop();
        closed = true;
        if (temporary) {
            FileTrees.deleteQuietly(logDirectory);
        }
        exitHook.remove();
    }


    public synchronized boolean isRunning() {
        return server != null;
    }

    public boolean isTemporary() {
        return temporary;
    }

    /** {@code localhost:<port>}, valid before start and across restarts. */
    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public int port() {
        return port;
    }

    public int controllerPort() {
        return controllerPort;
    }

    public Path logDirectory() {
        return logDirectory;
    }

    /** The cluster id stored in the log dir, or {@code null} before the first start. */
    public String clusterId() {
        Path meta = logDirectory.resolve("meta.properties");
        if (!Files.isRegularFile(meta)) {
            return null;
        }
        Properties p = new Properties();
        try (var in = Files.newInputStream(meta)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("cluster.id");
    }

    /** Admin client configuration for this broker (the caller closes the client). */
    public Admin createAdmin() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        return Admin.create(p);
    }

    /**
     * Creates the topic (replication factor 1) unless it exists.
     *
     * @return {@code true} if it was created now
     */
    public boolean createTopic(String name, int partitions) {
        try (Admin admin = createAdmin()) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                return false;
            }
            throw new IllegalStateException("Could not create topic " + name, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Timed out creating topic " + name, e);
        }
    }

    /** The effective broker properties (defaults plus {@link #withProperty} overrides). */
    public synchronized Properties brokerProperties() {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", Integer.toString(NODE_ID));
        p.put("controller.quorum.voters", NODE_ID + "@localhost:" + controllerPort);
        p.put("listeners", PLAINTEXT_LISTENER + "://localhost:" + port + "," + CONTROLLER_LISTENER + "://localhost:" + controllerPort);
        p.put("advertised.listeners", PLAINTEXT_LISTENER + "://localhost:" + port);
        p.put("listener.security.protocol.map", PLAINTEXT_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        p.put("controller.listener.names", CONTROLLER_LISTENER);
        p.put("inter.broker.listener.name", PLAINTEXT_LISTENER);
        p.put("log.dirs", logDirectory.toString());
        p.put("num.partitions", "1");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "3");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "3");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", "false");
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "2");
        p.put("background.threads", "2");
        p.put("log.cleaner.threads", "1");
        p.put("log.cleaner.dedupe.buffer.size", Integer.toString(8 * 1024 * 1024)); // default 128 MB on the heap
        p.put("num.recovery.threads.per.data.dir", "1");
        p.putAll(overrides);
        return p;
    }

    private void formatIfNeeded() {
        try {
            Files.createDirectories(logDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (Files.exists(logDirectory.resolve("meta.properties"))) {
            return; // already formatted: keep the data and the cluster id
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            new Formatter()
                    .setPrintStream(ps)
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setDirectories(List.of(logDirectory.toString()))
                    .setMetadataLogDirectory(logDirectory.toString())
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setIgnoreFormatted(false)
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("Could not format Kafka log dir " + logDirectory + ": " + out, e);
        }
        LOG.info("Formatted Kafka log dir: {}", out.toString(StandardCharsets.UTF_8).trim());
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        try (Admin admin = createAdmin()) {
            while (System.nanoTime() < deadline) {
                try {
                    Collection<?> nodes = admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                    if (!nodes.isEmpty()) {
                        return;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                } catch (Exception e) {
                    last = e;
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new IllegalStateException("Kafka broker on " + bootstrapServers() + " not ready after " + timeout, last);
    }

    private static void shutdownQuietly(KafkaRaftServer s) {
        try {
            s.shutdown();
            s.awaitShutdown();
        } catch (RuntimeException e) {
            LOG.warn("Kafka broker shutdown failed", e);
        }
    }

    /** Kafka's fatal-error paths call {@code Exit.exit/halt}: in-process, they must not take the whole JVM down. */
    private static synchronized void installExitProcedures() {
        if (exitProceduresInstalled) {
            return;
        }
        Exit.setExitProcedure((code, message) -> {
            LOG.error("Embedded Kafka broker asked to exit the JVM with status {} ({}); refused", code, message);
            throw new IllegalStateException("Kafka requested System.exit(" + code + "): " + message);
        });
        Exit.setHaltProcedure((code, message) -> {
            LOG.error("Embedded Kafka broker asked to halt the JVM with status {} ({}); refused", code, message);
            throw new IllegalStateException("Kafka requested Runtime.halt(" + code + "): " + message);
        });
        exitProceduresInstalled = true;
    }

    @Override
    public String toString() {
        return "KafkaKraftBroker[" + bootstrapServers() + ", controller=localhost:" + controllerPort
                + ", logDirectory=" + logDirectory + (temporary ? " (temporary)" : "") + "]";
    }

    /** For diagnostics: non-daemon threads that would keep the JVM alive. */
    static String nonDaemonThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !t.isDaemon() && t.isAlive())
                .map(Thread::getName).sorted().collect(Collectors.joining(", "));
    }
}
