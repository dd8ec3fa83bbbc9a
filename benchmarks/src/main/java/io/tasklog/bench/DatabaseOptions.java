package io.tasklog.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import picocli.CommandLine.Option;

/** JDBC access to the application's PostgreSQL (a picocli mixin), for the programs that need more than the API. */
public final class DatabaseOptions {

    @Option(names = "--jdbc-url", defaultValue = "jdbc:postgresql://localhost:54329/tasklog",
            description = "the application's PostgreSQL (default: ${DEFAULT-VALUE})")
    public String jdbcUrl;

    @Option(names = "--db-user", defaultValue = "postgres", description = "(default: ${DEFAULT-VALUE})")
    public String user;

    @Option(names = "--db-password", defaultValue = "postgres", description = "(default: ${DEFAULT-VALUE})")
    public String password;

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, password);
    }
}
