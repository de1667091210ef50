package sms.certificates.recall.support;

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

    private static volatile HikariDataSource dataSource;

    private TestDatabase() {
    }

    public static synchronized DataSource dataSource() {
        if (dataSource == null) {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(URL);
            config.setUsername(USER);
            config.setMaximumPoolSize(4);
            dataSource = new HikariDataSource(config);
            Flyway.configure().dataSource(dataSource).load().migrate();
        }
        return dataSource;
    }
}
