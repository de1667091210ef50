package sms.certificates.recall.harness;

import java.sql.SQLException;

import javax.sql.DataSource;

import sms.certificates.recall.support.TestDatabase;

/** A database on this machine's PostgreSQL that a run's workers and checks share. */
public record Database(String url, String user, DataSource dataSource) {

    /** {@code recall_test}, shared with the other tests: runs keep to tenants of their own. */
    public static Database test() {
        return new Database(TestDatabase.URL, TestDatabase.USER, TestDatabase.dataSource());
    }

    /** A database of its own, created if missing and migrated, for runs that need a known size (the benchmark). */
    public static Database named(String name) {
        String url = TestDatabase.serverUrl() + name;
        try {
            TestDatabase.createIfMissing(TestDatabase.serverUrl(), name, TestDatabase.USER, "");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + name, e);
        }
        return new Database(url, TestDatabase.USER, TestDatabase.migrated(url, TestDatabase.USER));
    }
}
