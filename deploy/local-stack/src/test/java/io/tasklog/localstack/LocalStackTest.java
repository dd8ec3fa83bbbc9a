package io.tasklog.localstack;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class LocalStackTest {

    /** Where the property names are read from (reading them keeps a signing key in the data directory). */
    @TempDir
    Path scratch;

    @AfterEach
    void clearProperties() {
        for (String k : new LocalStack(settings(scratch)).applicationProperties().keySet()) {
            System.clearProperty(k);
        }
    }

    @Test
    void startsPostgresAndKafkaThenTheApplicationWiredToThem_andStopsInOrder(@TempDir Path tmp) throws Exception {
        LocalStack stack = new LocalStack(settings(tmp.resolve("data")));
        try {
            stack.start(new String[] {"--spring.main.web-application-type=none"});
            var ctx = stack.application();

            try (Connection c = ctx.getBean(DataSource.class).getConnection();
                 ResultSet rs = c.createStatement().executeQuery("SELECT current_database()")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("tasklog");
            }
            assertThat(ctx.getEnvironment().getProperty("spring.kafka.bootstrap-servers")).isEqualTo(stack.bootstrapServers());
            assertThat(ctx.getEnvironment().getProperty("axon.kafka.bootstrap-servers")).isEqualTo(stack.bootstrapServers());
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
                assertThat(admin.describeCluster().nodes().get(10, TimeUnit.SECONDS)).hasSize(1);
            }
            assertThat(stack.banner())
                    .contains("http://localhost:8080", "/swagger-ui.html", stack.jdbcUrl(), stack.bootstrapServers(),
                            "rm -rf " + tmp.resolve("data").toAbsolutePath());
        } finally {
            stack.close();
        }
        assertThat(stack.application().isActive()).isFalse();
        assertThat(portOpen(stack.bootstrapServers())).isFalse();
        assertThat(portOpen(stack.jdbcUrl().replaceAll(".*//([^/]+)/.*", "$1"))).isFalse();
        assertThat(tmp.resolve("data/postgres/PG_VERSION")).exists();
        assertThat(tmp.resolve("data/kafka/meta.properties")).exists();
    }

    @Test
    void servicesOnly_writesTheEnvironmentThatPointsAnApplicationOfItsOwnAtTheServices(@TempDir Path tmp) throws Exception {
        LocalStack stack = new LocalStack(settings(tmp.resolve("data")));
        try {
            stack.startInfrastructure();
            Path env = stack.writeApplicationEnvironment();

            assertThat(env).isEqualTo(tmp.resolve("data/app.env").toAbsolutePath());
            assertThat(Files.readAllLines(env)).contains(
                    "SPRING_DATASOURCE_URL=" + stack.jdbcUrl(),
                    "SPRING_KAFKA_BOOTSTRAP_SERVERS=" + stack.bootstrapServers(),
                    "TASKLOG_SECURITY_JWT_SECRET=" + Files.readString(tmp.resolve("data/jwt-secret")));
            assertThat(stack.servicesBanner(env)).contains(stack.jdbcUrl(), stack.bootstrapServers(),
                    "env $(cat " + env + ") java -jar app/target/app-0.1.0-SNAPSHOT-exec.jar");
            assertThat(stack.application()).isNull();
        } finally {
            stack.close();
        }
    }

    private static LocalStack.Settings settings(Path dataDir) {
        return new LocalStack.Settings(dataDir, 0, 0, 0, StubApplication.class.getName(), false);
    }

    private static boolean portOpen(String hostPort) {
        String[] hp = hostPort.split(":");
        try (Socket s = new Socket(hp[0], Integer.parseInt(hp[1]))) {
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
