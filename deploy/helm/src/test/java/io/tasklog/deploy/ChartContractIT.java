package io.tasklog.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.tasklog.embedded.EmbeddedPostgresServer;
import io.tasklog.embedded.KafkaKraftBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The environment the chart gives the app is what the app reads: every variable the chart sets names a setting of
 * the packaged app, every setting of the README's configuration table is set by the chart, and the packaged app
 * started with exactly that environment (only the database and broker addresses pointed at this test's embedded
 * PostgreSQL and Kafka, a free HTTP port, and the container's memory limit as -XX:MaxRAM) becomes ready and serves
 * register -> create -> list. When the build made the container image offline, the app is started from the
 * image's own filesystem.
 */
class ChartContractIT {

    static final Path APP_JAR = Path.of(System.getProperty("tasklog.app.jar", "")).toAbsolutePath();
    static final Path README = RenderedChart.MODULE.resolve("../../README.md").normalize();
    static final Path IMAGE_TAR = Path.of(System.getProperty("tasklog.image.tar", "none")).toAbsolutePath();

    /** Standard variables read by the JVM or the OpenTelemetry SDK, not Spring settings. */
    static final Pattern NOT_SPRING = Pattern.compile("JAVA_TOOL_OPTIONS|POD_NAME|OTEL_[A-Z_]+");
    static final Map<String, String> FIELD_REFS = Map.of("metadata.name", "tasklog-7d9f8-abcde");

    static EmbeddedPostgresServer postgres;
    static KafkaKraftBroker kafka;
    static AppSettings settings;

    @BeforeAll
    static void start() {
        assertThat(APP_JAR).as("the app's runnable jar (-Dtasklog.app.jar)").isRegularFile();
        settings = AppSettings.of(APP_JAR);
        postgres = EmbeddedPostgresServer.temporary().start();
        kafka = KafkaKraftBroker.temporary().start();
    }

    @AfterAll
    static void stop() {
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @ParameterizedTest(name = "values: {0}")
    @ValueSource(strings = {"defaults", "ci/external-values.yaml", "ci/ha-tracing-values.yaml"})
    void everyVariableTheChartSetsIsASettingTheAppReads(String values) {
        RenderedChart chart = RenderedChart.render(values.equals("defaults") ? List.of() : List.of(values), Map.of());
        Map<String, String> env = chart.appEnvironment(FIELD_REFS);

        Set<String> unknown = new TreeSet<>();
        for (String name : env.keySet()) {
            if (!NOT_SPRING.matcher(name).matches() && !settings.knowsEnvironmentVariable(name)) {
                unknown.add(name);
            }
        }
        assertThat(unknown).as("variables the chart sets that name no setting of the packaged app").isEmpty();
        assertThat(env).containsKeys("SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD",
                "SPRING_KAFKA_BOOTSTRAP_SERVERS", "TASKLOG_SECURITY_JWT_SECRET");
    }

    @Test
    void everySettingOfTheReadmeConfigurationTableIsSetByTheChart() throws IOException {
        Set<String> chartVariables = new TreeSet<>();
        RenderedChart.render(List.of(), Map.of()).appEnvironment(FIELD_REFS).keySet()
                .forEach(name -> chartVariables.add(AppSettings.canonical(name)));

        List<String> readmeKeys = readmeConfigurationKeys();
        assertThat(readmeKeys).as("keys of the README's configuration table").hasSizeGreaterThan(10);
        List<String> notSet = readmeKeys.stream().filter(k -> !chartVariables.contains(AppSettings.canonical(k))).toList();
        assertThat(notSet).as("README settings the chart cannot set").isEmpty();
        List<String> notInApp = readmeKeys.stream().filter(k -> !settings.knowsEnvironmentVariable(k)).toList();
        assertThat(notInApp).as("README settings the packaged app does not have").isEmpty();
    }

    @Test
    void theAppStartsWithTheChartsEnvironmentAndServesACreateListRoundTrip() throws Exception {
        // Two settings with effects visible from outside, to see values travel chart -> env -> app.
        RenderedChart chart = RenderedChart.render(List.of(), Map.of(
                "config.kafka.taskEventsPartitions", "4",
                "config.security.tokenTtl", "2h"));
        Map<String, String> env = new LinkedHashMap<>(chart.appEnvironment(FIELD_REFS));

        String user = env.get("SPRING_DATASOURCE_USERNAME");
        String password = env.get("SPRING_DATASOURCE_PASSWORD");
        assertThat(password).as("database password from the chart's generated Secret").hasSizeGreaterThanOrEqualTo(16);
        assertThat(env.get("TASKLOG_SECURITY_JWT_SECRET")).as("generated JWT key: base64 of >= 32 bytes")
                .matches("[A-Za-z0-9+/]{43,}={0,2}");
        createDatabase(chart.configMapData("tasklog-config").get("SPRING_DATASOURCE_URL"), user, password);

        // The only changes: where PostgreSQL and Kafka are, and the HTTP port (8080 may be taken on this machine).
        env.put("SPRING_DATASOURCE_URL", pointAt(env.get("SPRING_DATASOURCE_URL"),
                "^jdbc:postgresql://tasklog-postgresql:5432/(tasklog)$", "127.0.0.1:" + postgres.port()));
        assertThat(env.get("SPRING_KAFKA_BOOTSTRAP_SERVERS")).isEqualTo("tasklog-redpanda:9092");
        env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        int port = AppProcess.freePort();
        env.put("SERVER_PORT", Integer.toString(port));
        // What the container's memory limit does (the JVM sizes its heap from the cgroup limit): the app has
        // to start and serve within the chart's limit.
        String memoryLimit = String.valueOf(RenderedChart.map(RenderedChart.map(chart.appContainer().get("resources"))
                .get("limits")).get("memory"));
        env.merge("JAVA_TOOL_OPTIONS", "-XX:MaxRAM=" + bytes(memoryLimit), (chartOptions, maxRam) -> chartOptions + " " + maxRam);

        AppLauncher launcher = AppLauncher.forThisMachine(APP_JAR, IMAGE_TAR, RenderedChart.MODULE.resolve("target"));
        System.out.println("ChartContractIT starts the app from " + launcher.describe());
        try (AppProcess app = launcher.start(env, RenderedChart.MODULE.resolve("target/contract-app.log"), port)) {
            app.awaitReady(Duration.ofMinutes(3));

            String email = "contract-" + UUID.randomUUID() + "@tasklog.test";
            HttpResponse<String> registered = app.post("/api/auth/register", null,
                    Map.of("email", email, "password", "contract-test-password-1"));
            assertThat(registered.statusCode()).as(registered.body()).isIn(200, 201);
            JsonNode token = AppProcess.json(registered);
            Instant expiresAt = Instant.parse(token.path("expiresAt").asText());
            assertThat(Duration.between(Instant.now(), expiresAt)).as("token TTL from config.security.tokenTtl=2h")
                    .isBetween(Duration.ofMinutes(115), Duration.ofMinutes(121));

            HttpResponse<String> loggedIn = app.post("/api/auth/login", null,
                    Map.of("email", email, "password", "contract-test-password-1"));
            assertThat(loggedIn.statusCode()).as(loggedIn.body()).isEqualTo(200);
            String bearer = AppProcess.json(loggedIn).path("token").asText();

            HttpResponse<String> created = app.post("/api/tasks", bearer, Map.of("title", "from the chart's environment"));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            String id = AppProcess.json(created).path("id").asText();

            JsonNode listed = eventuallyListed(app, bearer, id);
            assertThat(listed.path("title").asText()).isEqualTo("from the chart's environment");

            try (Admin admin = kafka.createAdmin()) {
                TopicDescription events = admin.describeTopics(List.of("task-events")).allTopicNames().get().get("task-events");
                assertThat(events.partitions()).as("partitions from config.kafka.taskEventsPartitions=4").hasSize(4);
            }

            assertThat(app.stopGracefully(Duration.ofSeconds(45))).as("stopped within the pod's grace period").isTrue();
            assertThat(app.log()).contains("Graceful shutdown complete");
            assertThat(app.log()).doesNotContain(env.get("TASKLOG_SECURITY_JWT_SECRET"), password);
        }
    }

    private static JsonNode eventuallyListed(AppProcess app, String bearer, String id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            HttpResponse<String> list = app.get("/api/tasks", bearer);
            assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
            for (JsonNode item : AppProcess.json(list).path("items")) {
                if (id.equals(item.path("id").asText())) {
                    return item;
                }
            }
            assertThat(System.nanoTime()).as("task " + id + " listed within 30 s").isLessThan(deadline);
            AppProcess.sleep(200);
        }
    }

    /** The role and database the chart's PostgreSQL would have (POSTGRES_USER, POSTGRES_PASSWORD, POSTGRES_DB). */
    private static void createDatabase(String url, String user, String password) throws SQLException {
        String database = url.substring(url.lastIndexOf('/') + 1);
        try (Connection c = postgres.dataSource("postgres").getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE \"" + user + "\" LOGIN PASSWORD '" + password.replace("'", "''") + "'");
            s.execute("CREATE DATABASE \"" + database + "\" OWNER \"" + user + "\"");
        }
    }

    /** A Kubernetes memory quantity in bytes (768Mi, 1Gi, 1G, 512M, plain bytes). */
    static long bytes(String quantity) {
        Matcher m = Pattern.compile("^([0-9]+)(Ki|Mi|Gi|Ti|k|M|G|T)?$").matcher(quantity);
        assertThat(m.matches()).as("memory quantity " + quantity).isTrue();
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "" : m.group(2);
        return n * switch (unit) {
            case "Ki" -> 1L << 10;
            case "Mi" -> 1L << 20;
            case "Gi" -> 1L << 30;
            case "Ti" -> 1L << 40;
            case "k" -> 1_000L;
            case "M" -> 1_000_000L;
            case "G" -> 1_000_000_000L;
            case "T" -> 1_000_000_000_000L;
            default -> 1L;
        };
    }

    private static String pointAt(String url, String expected, String hostAndPort) {
        Matcher m = Pattern.compile(expected).matcher(url);
        assertThat(m.matches()).as(url + " matches " + expected).isTrue();
        return "jdbc:postgresql://" + hostAndPort + "/" + m.group(1);
    }

    /** First backticked key of each row of the README's configuration table ({@code .username} continues the previous key). */
    static List<String> readmeConfigurationKeys() throws IOException {
        List<String> keys = new ArrayList<>();
        boolean inSection = false;
        Pattern key = Pattern.compile("`([a-z.][a-z0-9.\\-]*)`");
        for (String line : Files.readAllLines(README)) {
            if (line.startsWith("## ")) {
                inSection = line.equals("## Configuration");
                continue;
            }
            if (!inSection || !line.startsWith("| `")) {
                continue;
            }
            String firstCell = line.substring(1, line.indexOf('|', 1));
            Matcher m = key.matcher(firstCell);
            String base = null;
            while (m.find()) {
                String k = m.group(1);
                if (k.startsWith(".") && base != null) {
                    keys.add(base.substring(0, base.lastIndexOf('.')) + k);
                } else if (k.contains(".")) {
                    keys.add(k);
                    base = k;
                }
            }
        }
        return keys;
    }
}
