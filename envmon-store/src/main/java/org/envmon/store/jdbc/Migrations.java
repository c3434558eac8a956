package org.envmon.store.jdbc;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.envmon.model.StoreException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.LoggerFactory;

/** Applies an engine's Flyway migrations ({@code classpath:db/migration/<engine>}) before the store is used. */
public final class Migrations {
    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(Migrations.class);

    private Migrations() {
    }

    /**
     * @param schema the schema to migrate (created when missing), or null for the connection's current schema
     */
    public static void migrate(DataSource dataSource, String location, String schema) {
        try {
            var config = Flyway.configure(Migrations.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations("classpath:" + location);
            if (schema != null) {
                config = config.schemas(schema).defaultSchema(schema);
            }
            MigrateResult result = config.load().migrate();
            if (result.migrationsExecuted > 0) {
                LOG.info("Applied {} migration(s) from {}, schema now at version {}", result.migrationsExecuted,
                        location, result.targetSchemaVersion);
            }
        } catch (RuntimeException e) {
            throw new StoreException("database migration (" + location + ") failed: " + e.getMessage(), e);
        }
    }

    /** A minimal {@link DataSource} over a {@link ConnectionSource}, for Flyway. */
    public static DataSource dataSource(ConnectionSource source) {
        return new DataSource() {
            @Override
            public Connection getConnection() throws SQLException {
                return source.connect();
            }

            @Override
            public Connection getConnection(String username, String password) throws SQLException {
                return source.connect();
            }

            @Override
            public PrintWriter getLogWriter() {
                return null;
            }

            @Override
            public void setLogWriter(PrintWriter out) {
            }

            @Override
            public void setLoginTimeout(int seconds) {
            }

            @Override
            public int getLoginTimeout() {
                return 0;
            }

            @Override
            public Logger getParentLogger() throws SQLFeatureNotSupportedException {
                throw new SQLFeatureNotSupportedException();
            }

            @Override
            public <T> T unwrap(Class<T> iface) throws SQLException {
                throw new SQLException("not a wrapper");
            }

            @Override
            public boolean isWrapperFor(Class<?> iface) {
                return false;
            }
        };
    }
}
