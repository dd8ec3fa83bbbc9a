package io.tasklog.embedded;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedPostgresServerTest {

    @Test
    void temporaryServerAcceptsQueriesAndCleansUp() throws Exception {
        Path dir;
        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.temporary().start()) {
            dir = pg.dataDirectory();
            assertThat(pg.isRunning()).isTrue();
            assertThat(pg.createDatabase("tasklog")).isTrue();
            assertThat(pg.createDatabase("tasklog")).isFalse(); // idempotent
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl("tasklog"), pg.username(), pg.password());
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT current_database(), current_setting('server_version_num')::int")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("tasklog");
                assertThat(rs.getInt(2)).isBetween(170000, 179999);
            }
        }
        assertThat(dir).doesNotExist();
    }

    @Test
    void dataInAFixedDirectorySurvivesStopAndStart(@TempDir Path tmp) throws Exception {
        Path dataDir = tmp.resolve("pg");
        int port;
        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.persistent(dataDir, 0).start()) {
            port = pg.port();
            pg.createDatabase("tasklog");
            exec(pg, "CREATE TABLE t (v text)", "INSERT INTO t VALUES ('kept')");
            pg.stop();
            assertThat(pg.isRunning()).isFalse();
            assertThat(FreePorts.isFree(port)).isTrue();
            pg.start(); // same object: same port, same directory
            assertThat(query(pg)).isEqualTo("kept");
        }
        assertThat(dataDir.resolve("PG_VERSION")).exists(); // close() never cleans a fixed directory

        // a brand-new server on the same directory (as after a restart of the local stack) reuses the cluster
        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.persistent(dataDir, port).start()) {
            assertThat(pg.createDatabase("tasklog")).isFalse();
            assertThat(query(pg)).isEqualTo("kept");
        }
        assertThat(Files.list(dataDir).count()).isGreaterThan(5);
    }

    private static void exec(EmbeddedPostgresServer pg, String... sql) throws Exception {
        try (Connection c = pg.dataSource("tasklog").getConnection(); Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
    }

    private static String query(EmbeddedPostgresServer pg) throws Exception {
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl("tasklog"), pg.username(), pg.password());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT v FROM t")) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }
}
