package sms.certificates.recall.support;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

/**
 * The machine's PostgreSQL, database {@code recall_test} (created by {@code .ci/run}), migrated once per JVM. Tests
 * share it, so each one works in tenants of its own instead of cleaning up.
 */
public final class TestDatabase {

    public static final String URL = System.getProperty("recall.test.jdbc-url",
            "jdbc:postgresql://127.0.0.1:5432/recall_test");
    public static final String USER = System.getProperty("recall.test.jdbc-user", "postgres");

    private static volatile DataSource dataSource;

    private TestDatabase() {
    }

    public static synchronized DataSource dataSource() {
        if (dataSource == null) {
            dataSource = migrated(URL, USER);
        }
        return dataSource;
    }

    /** A small pool on the database at {@code url}, its schema migrated. */
    public static DataSource migrated(String url, String user) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setMaximumPoolSize(4);
        HikariDataSource pool = new HikariDataSource(config);
        Flyway.configure().dataSource(pool).load().migrate();
        return pool;
    }

    /** Creates database {@code name} on the server {@code serverUrl} ({@code jdbc:postgresql://host:port/}). */
    public static void createIfMissing(String serverUrl, String name, String user, String password)
            throws SQLException {
        try (Connection connection = DriverManager.getConnection(serverUrl + "postgres", user, password)) {
            boolean exists = connection.createStatement()
                    .executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'").next();
            if (!exists) {
                connection.createStatement().execute("CREATE DATABASE " + name);
            }
        }
    }

    /** {@link #URL} up to the database name: the server. */
    public static String serverUrl() {
        return URL.substring(0, URL.lastIndexOf('/') + 1);
    }

    public static String host() {
        return uri().getHost();
    }

    public static int port() {
        return uri().getPort();
    }

    /** {@link #URL} reached through a port on this machine: a proxy in front of the server. */
    public static String urlVia(int localPort) {
        return "jdbc:postgresql://127.0.0.1:" + localPort + uri().getRawPath();
    }

    private static URI uri() {
        return URI.create(URL.substring("jdbc:".length()));
    }
}
