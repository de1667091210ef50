package sms.certificates.recall.harness;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

import sms.certificates.recall.support.TestDatabase;

/** A database on this machine's PostgreSQL that a run's workers and checks share. */
public record Database(String url, String user, DataSource dataSource) {

    /** {@code recall_test}, shared with the other tests: runs keep to tenants of their own. */
    public static Database test() {
        return new Database(TestDatabase.URL, TestDatabase.USER, TestDatabase.dataSource());
    }

    /** A database of its own, created if missing and migrated, for runs that need a known size (the benchmark). */
    public static Database named(String name) {
        String server = TestDatabase.URL.substring(0, TestDatabase.URL.lastIndexOf('/') + 1);
        try (Connection connection = DriverManager.getConnection(server + "postgres", TestDatabase.USER, "")) {
            if (!connection.createStatement().executeQuery(
                    "SELECT 1 FROM pg_database WHERE datname = '" + name + "'").next()) {
                connection.createStatement().execute("CREATE DATABASE " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + name, e);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(server + name);
        config.setUsername(TestDatabase.USER);
        config.setMaximumPoolSize(4);
        HikariDataSource dataSource = new HikariDataSource(config);
        Flyway.configure().dataSource(dataSource).load().migrate();
        return new Database(server + name, TestDatabase.USER, dataSource);
    }
}
