package org.broadsheet.storage;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One embedded PostgreSQL server for the whole test JVM, started on first use and stopped at JVM exit
 * (starting one takes a few seconds, so tests share it). Each test asks for its own fresh database.
 * Test infrastructure only: this is the one place a static holds state.
 */
public final class TestPostgres {

    private static final AtomicInteger databases = new AtomicInteger();
    private static EmbeddedPostgres server;

    private TestPostgres() {
    }

    /** The server's default database: {@code jdbc:postgresql://localhost:PORT/postgres?user=postgres}. */
    public static String jdbcUrl() {
        return url("postgres");
    }

    /** A new, empty database on the shared server, so every test starts from nothing. */
    public static String freshDatabaseUrl() {
        String name = "broadsheet_test_" + databases.incrementAndGet();
        try (Connection c = server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        return url(name);
    }

    private static String url(String database) {
        return "jdbc:postgresql://localhost:" + server().getPort() + "/" + database + "?user=postgres";
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                EmbeddedPostgres started = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        started.close();
                    } catch (IOException ignored) {
                        // the JVM is exiting; the server's folder is under target/ and is cleaned with it
                    }
                }, "embedded-postgres-stop"));
                server = started;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
            }
        }
        return server;
    }
}
