package io.tasklog.localstack;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import io.tasklog.embedded.EmbeddedPostgresServer;
import io.tasklog.embedded.KafkaKraftBroker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The local stack: a real PostgreSQL 17 and a real Kafka broker (both embedded, data kept under one base directory
 * across restarts) and then the Tasklog Spring Boot application wired to them, in one JVM.
 *
 * <p>Settings (system property, else environment variable, else default):
 * <table>
 *   <tr><td>{@code tasklog.data-dir}</td><td>{@code TASKLOG_DATA_DIR}</td><td>{@code ./.tasklog-data}</td></tr>
 *   <tr><td>{@code tasklog.postgres.port}</td><td>{@code TASKLOG_POSTGRES_PORT}</td><td>54329</td></tr>
 *   <tr><td>{@code tasklog.kafka.port}</td><td>{@code TASKLOG_KAFKA_PORT}</td><td>19092</td></tr>
 *   <tr><td>{@code tasklog.kafka.controller-port}</td><td>{@code TASKLOG_KAFKA_CONTROLLER_PORT}</td><td>19093</td></tr>
 *   <tr><td>{@code tasklog.app-class}</td><td>{@code TASKLOG_APP_CLASS}</td><td>{@value #APP_CLASS}</td></tr>
 *   <tr><td>{@code tasklog.local-stack.services-only}</td><td>{@code TASKLOG_LOCAL_STACK_SERVICES_ONLY}</td><td>false</td></tr>
 * </table>
 * With services-only, the launcher starts PostgreSQL and Kafka but not the application, writes the environment that
 * points an application at them to {@code <data-dir>/app.env} and prints how to start the packaged application in
 * a JVM of its own (to measure the application without the broker in its heap).
 * Program arguments are passed to Spring Boot unchanged (e.g. {@code --server.port=9090}); any Spring property
 * given as {@code -Dkey=value} wins over the values set here.
 *
 * <p>Shutdown (Ctrl-C / SIGTERM) is ordered by one JVM shutdown hook: the application first, then Kafka, then
 * PostgreSQL. The components' own shutdown hooks are switched off so that they cannot race it.
 */
public final class LocalStack implements AutoCloseable {

    /** The Spring Boot application class, loaded by name so that this module builds whatever the app holds. */
    public static final String APP_CLASS = "io.tasklog.app.TasklogApplication";
    public static final String DATABASE = "tasklog";
    public static final int DEFAULT_POSTGRES_PORT = 54329;
    public static final int DEFAULT_KAFKA_PORT = 19092;
    public static final int DEFAULT_KAFKA_CONTROLLER_PORT = 19093;
    public static final String DEFAULT_DATA_DIR = ".tasklog-data";

    private static final Logger LOG = LoggerFactory.getLogger(LocalStack.class);

    /** Where and on which ports the stack runs. */
    public record Settings(Path dataDirectory, int postgresPort, int kafkaPort, int kafkaControllerPort,
                           String applicationClass, boolean servicesOnly) {

        public Settings {
            dataDirectory = dataDirectory.toAbsolutePath().normalize();
        }

        /** From system properties, else environment variables, else the defaults. */
        public static Settings fromEnvironment() {
            return new Settings(
                    Paths.get(setting("tasklog.data-dir", "TASKLOG_DATA_DIR", DEFAULT_DATA_DIR)),
                    Integer.parseInt(setting("tasklog.postgres.port", "TASKLOG_POSTGRES_PORT", "" + DEFAULT_POSTGRES_PORT)),
                    Integer.parseInt(setting("tasklog.kafka.port", "TASKLOG_KAFKA_PORT", "" + DEFAULT_KAFKA_PORT)),
                    Integer.parseInt(setting("tasklog.kafka.controller-port", "TASKLOG_KAFKA_CONTROLLER_PORT",
                            "" + DEFAULT_KAFKA_CONTROLLER_PORT)),
                    setting("tasklog.app-class", "TASKLOG_APP_CLASS", APP_CLASS),
                    Boolean.parseBoolean(setting("tasklog.local-stack.services-only", "TASKLOG_LOCAL_STACK_SERVICES_ONLY",
                            "false")));
        }

        public Path postgresDirectory() {
            return dataDirectory.resolve("postgres");
        }

        public Path kafkaDirectory() {
            return dataDirectory.resolve("kafka");
        }

        private static String setting(String property, String env, String fallback) {
            String value = System.getProperty(property);
            if (value == null || value.isBlank()) {
                value = System.getenv(env);
            }
            return value == null || value.isBlank() ? fallback : value.trim();
        }
    }

    private final Settings settings;
    private volatile EmbeddedPostgresServer postgres;
    private volatile KafkaKraftBroker kafka;
    private volatile ConfigurableApplicationContext application;
    private final AtomicBoolean closed = new AtomicBoolean();
    private long postgresMillis;
    private long kafkaMillis;
    private long applicationMillis;

    public LocalStack(Settings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) {
        quietInfrastructureLogging();
        LocalStack stack = new LocalStack(Settings.fromEnvironment());
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "local-stack-shutdown"));
        try {
            if (stack.settings().servicesOnly()) {
                stack.startInfrastructure();
                System.out.println(stack.servicesBanner(stack.writeApplicationEnvironment()));
                return;
            }
            stack.start(args);
        } catch (Throwable e) {
            LOG.error("The local stack did not start: {}", e.toString(), e);
            stack.close();
            System.exit(1);
        }
        System.out.println(stack.banner());
    }

    /** Starts PostgreSQL, Kafka and then the application. */
    public void start(String[] args) throws Exception {
        Class<?> appClass; // fail fast, before starting anything
        try {
            appClass = Class.forName(settings.applicationClass());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Application class " + settings.applicationClass()
                    + " is not on the classpath (build the app module first: mvn install -DskipTests)", e);
        }
        startInfrastructure();
        if (closed.get()) {
            return;
        }
        long t0 = System.nanoTime();
        applicationProperties().forEach((k, v) -> {
            if (System.getProperty(k) == null) {
                System.setProperty(k, v);
            }
        });
        SpringApplication app = new SpringApplication(appClass);
        app.setRegisterShutdownHook(false); // our hook stops the app before Kafka and PostgreSQL
        ConfigurableApplicationContext ctx = app.run(args);
        application = ctx;
        applicationMillis = millisSince(t0);
        if (closed.get()) { // Ctrl-C while the application was starting
            ctx.close();
        }
    }

    /** Starts PostgreSQL (database {@value #DATABASE} created if absent) and Kafka, without the application. */
    public void startInfrastructure() {
        long t0 = System.nanoTime();
        LOG.info("Starting PostgreSQL on port {} with data in {}", settings.postgresPort(), settings.postgresDirectory());
        postgres = EmbeddedPostgresServer.persistent(settings.postgresDirectory(), settings.postgresPort())
                .registerShutdownHook(false);
        try {
            postgres.start();
        } catch (RuntimeException e) {
            throw new IllegalStateException("PostgreSQL did not start on port " + settings.postgresPort()
                    + " (port taken? set TASKLOG_POSTGRES_PORT) in " + settings.postgresDirectory(), e);
        }
        postgres.createDatabase(DATABASE);
        postgresMillis = millisSince(t0);
        if (closed.get()) {
            return;
        }

        long t1 = System.nanoTime();
        LOG.info("Starting Kafka on port {} with data in {}", settings.kafkaPort(), settings.kafkaDirectory());
        kafka = KafkaKraftBroker.persistent(settings.kafkaDirectory(), settings.kafkaPort(), settings.kafkaControllerPort())
                .registerShutdownHook(false);
        try {
            kafka.start();
        } catch (RuntimeException e) {
            throw new IllegalStateException("Kafka did not start on ports " + settings.kafkaPort() + "/"
                    + settings.kafkaControllerPort() + " (taken? set TASKLOG_KAFKA_PORT / TASKLOG_KAFKA_CONTROLLER_PORT)"
                    + " in " + settings.kafkaDirectory(), e);
        }
        kafkaMillis = millisSince(t1);
    }

    /** The Spring properties that point the application at the embedded services. */
    public Map<String, String> applicationProperties() {
        Map<String, String> p = serviceProperties();
        // The broker runs in this JVM: keep its (and the Kafka clients') INFO chatter out of the console.
        p.put("logging.level.kafka", "WARN");
        p.put("logging.level.org.apache.kafka", "WARN");
        p.put("logging.level.state.change.logger", "WARN");
        p.put("logging.level.io.zonky", "WARN");
        return p;
    }

    /** The Spring properties an application needs to use these services (addresses, credentials, signing key). */
    private Map<String, String> serviceProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("spring.datasource.url", jdbcUrl());
        p.put("spring.datasource.username", EmbeddedPostgresServer.SUPERUSER);
        p.put("spring.datasource.password", EmbeddedPostgresServer.PASSWORD);
        p.put("spring.kafka.bootstrap-servers", bootstrapServers());
        p.put("axon.kafka.bootstrap-servers", bootstrapServers());
        p.put("axoniq.update-checker.disabled", "true");
        p.put("tasklog.security.jwt-secret", LocalSigningKey.readOrCreate(settings.dataDirectory()));
        return p;
    }

    /**
     * Writes {@link #serviceProperties()} as environment variables ({@code SPRING_DATASOURCE_URL=…}, one a line) to
     * {@code <data-dir>/app.env}, for an application started in a JVM of its own; returns the file.
     */
    public Path writeApplicationEnvironment() throws IOException {
        StringBuilder env = new StringBuilder();
        serviceProperties().forEach((key, value) -> env.append(key.toUpperCase(Locale.ROOT).replaceAll("[.-]", "_"))
                .append('=').append(value).append('\n'));
        Path file = settings.dataDirectory().resolve("app.env");
        Files.writeString(file, env, StandardCharsets.US_ASCII);
        return file;
    }

    public String jdbcUrl() {
        EmbeddedPostgresServer pg = postgres;
        return pg != null ? pg.jdbcUrl(DATABASE) : "jdbc:postgresql://localhost:" + settings.postgresPort() + "/" + DATABASE;
    }

    public String bootstrapServers() {
        KafkaKraftBroker k = kafka;
        return k != null ? k.bootstrapServers() : "localhost:" + settings.kafkaPort();
    }

    /** The running application context, or {@code null} before it started. */
    public ConfigurableApplicationContext application() {
        return application;
    }

    public Settings settings() {
        return settings;
    }

    /** The HTTP port the application listens on (8080 unless overridden). */
    public int httpPort() {
        ConfigurableApplicationContext ctx = application;
        String port = ctx == null ? null : ctx.getEnvironment().getProperty("local.server.port",
                ctx.getEnvironment().getProperty("server.port"));
        return port == null ? 8080 : Integer.parseInt(port);
    }

    /** Stops the application, then Kafka, then PostgreSQL. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        long t0 = System.nanoTime();
        ConfigurableApplicationContext ctx = application;
        if (ctx != null) {
            step("the application", ctx::close);
        }
        KafkaKraftBroker k = kafka;
        if (k != null) {
            step("Kafka", k::close);
        }
        EmbeddedPostgresServer pg = postgres;
        if (pg != null) {
            step("PostgreSQL", pg::close);
        }
        System.out.printf(Locale.ROOT, "Tasklog local stack stopped in %.1f s. Data kept in %s%n",
                millisSince(t0) / 1000.0, settings.dataDirectory());
    }

    private static void step(String what, Runnable action) {
        long t0 = System.nanoTime();
        try {
            action.run();
            System.out.printf(Locale.ROOT, "  stopped %s in %d ms%n", what, millisSince(t0));
        } catch (RuntimeException e) {
            System.err.println("  stopping " + what + " failed: " + e);
        }
    }

    /** The start-up banner: where everything is and how to wipe the data. */
    public String banner() {
        String base = "http://localhost:" + httpPort();
        return framed(String.format(Locale.ROOT,
                "Tasklog local stack is up in %.1f s  (PostgreSQL %.1f s, Kafka %.1f s, application %.1f s)",
                secondsSinceJvmStart(), postgresMillis / 1000.0, kafkaMillis / 1000.0, applicationMillis / 1000.0), """
                  Dashboard / API   %1$s
                  Swagger UI        %1$s/swagger-ui.html
                %2$s\
                  Wipe all data     stop the stack (Ctrl-C), then:  rm -rf %3$s
                  Stop              Ctrl-C  (application, then Kafka, then PostgreSQL)
                """.formatted(base, serviceLines(), settings.dataDirectory()));
    }

    /** The services-only banner: where PostgreSQL and Kafka are and how to start the application against them. */
    public String servicesBanner(Path environmentFile) {
        return framed(String.format(Locale.ROOT,
                "Tasklog services are up in %.1f s  (PostgreSQL %.1f s, Kafka %.1f s); no application started",
                secondsSinceJvmStart(), postgresMillis / 1000.0, kafkaMillis / 1000.0), """
                %1$s\
                  Application env   %2$s   (addresses and the signing key, as environment variables)

                  Start the application in a JVM of its own (from the repository root, after mvn package):
                    env $(cat %2$s) java -jar app/target/app-0.1.0-SNAPSHOT-exec.jar
                  Stop              Ctrl-C  (Kafka, then PostgreSQL; stop the application first)
                """.formatted(serviceLines(), environmentFile));
    }

    /** Where PostgreSQL, Kafka and the data are: the lines both banners share. */
    private String serviceLines() {
        return """
                  PostgreSQL (JDBC) %s   user %s, password %s
                  Kafka bootstrap   %s
                  Data directory    %s   (kept across restarts)
                """.formatted(jdbcUrl(), EmbeddedPostgresServer.SUPERUSER, EmbeddedPostgresServer.PASSWORD,
                bootstrapServers(), settings.dataDirectory());
    }

    private static String framed(String headline, String lines) {
        String rule = "=".repeat(96);
        return "\n" + rule + "\n  " + headline + "\n\n" + lines + rule + "\n";
    }

    private static double secondsSinceJvmStart() {
        return (System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime()) / 1000.0;
    }

    /**
     * Before Spring Boot configures logging, logback's default configuration logs everything at DEBUG: the
     * broker's start-up would flood the console. Raise the infrastructure loggers until Boot takes over.
     */
    private static void quietInfrastructureLogging() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx) {
            ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(Level.INFO);
            for (String name : new String[] {"kafka", "org.apache.kafka", "state.change.logger", "io.zonky"}) {
                ctx.getLogger(name).setLevel(Level.WARN);
            }
        }
    }

    private static long millisSince(long nanoStart) {
        return (System.nanoTime() - nanoStart) / 1_000_000;
    }
}
