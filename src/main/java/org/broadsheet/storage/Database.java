package org.broadsheet.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The store: a pooled {@link DataSource} for SQLite or PostgreSQL, migrated by Flyway, wrapped in Jdbi.
 * Thread-safe; one per process, closed by the composition root.
 */
public final class Database implements AutoCloseable {

    /** The version of the newest file in {@code db/migration/<dialect>/}. */
    static final int LATEST_MIGRATION = 5;

    private final Dialect dialect;
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;

    private Database(Dialect dialect, HikariDataSource dataSource) {
        this.dialect = dialect;
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource);
    }

    /** Opens the pool and applies pending migrations. */
    public static Database open(String jdbcUrl) {
        return open(jdbcUrl, null, null);
    }

    public static Database open(String jdbcUrl, String user, String password) {
        return open(jdbcUrl, user, password, null);
    }

    /** Opens the pool with its metrics (connections in use, waits) published to {@code metrics}, if given. */
    public static Database open(String jdbcUrl, MeterRegistry metrics) {
        return open(jdbcUrl, null, null, metrics);
    }

    private static Database open(String jdbcUrl, String user, String password, MeterRegistry metrics) {
        Dialect dialect = Dialect.of(jdbcUrl);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        if (user != null) {
            config.setUsername(user);
            config.setPassword(password);
        }
        config.setPoolName("broadsheet");
        if (metrics != null) {
            config.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(metrics));
        }
        if (dialect == Dialect.SQLITE) {
            // Pragmas as data-source properties apply to every pooled connection.
            config.addDataSourceProperty("journal_mode", "WAL");
            config.addDataSourceProperty("synchronous", "NORMAL");
            config.addDataSourceProperty("foreign_keys", "true");
            config.addDataSourceProperty("busy_timeout", "10000");
            // A deferred transaction that reads and then writes fails at once with SQLITE_BUSY (the busy timeout
            // does not apply) when another connection committed in between, e.g. the view flush while a comment
            // is stored; IMMEDIATE takes the write lock at BEGIN, where the busy timeout does apply.
            config.addDataSourceProperty("transaction_mode", "IMMEDIATE");
            config.setMaximumPoolSize(8);
        } else {
            config.setMaximumPoolSize(16);
        }
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            if (isCurrent(dataSource)) {
                return new Database(dialect, dataSource);
            }
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations(dialect.migrationLocation())
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return new Database(dialect, dataSource);
    }

    /**
     * True when the store already has every bundled migration and no failed one. Starting Flyway costs
     * ~0.5 s (classpath scanning, checksums) on every start; it runs only when there is something to do.
     * {@code DatabaseTest} keeps {@link #LATEST_MIGRATION} equal to the newest migration file.
     */
    private static boolean isCurrent(DataSource dataSource) {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT MAX(CASE WHEN success THEN CAST(version AS INTEGER) END), "
                     + "SUM(CASE WHEN success THEN 0 ELSE 1 END) FROM flyway_schema_history WHERE version IS NOT NULL")) {
            return rs.next() && rs.getInt(1) == LATEST_MIGRATION && rs.getInt(2) == 0;
        } catch (SQLException e) {
            return false; // no history table yet: a new store
        }
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public Dialect dialect() {
        return dialect;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
