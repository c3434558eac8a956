package org.envmon.store.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import org.envmon.model.Store;
import org.envmon.model.StoreException;
import org.envmon.store.jdbc.ConnectionSource;
import org.envmon.store.jdbc.JdbcStore;
import org.envmon.store.jdbc.Migrations;

/**
 * The server engine: a HikariCP pool over a PostgreSQL JDBC URL. {@code currentSchema=} in the URL selects (and,
 * when missing, lets the migration create) the schema that holds the tables.
 */
public final class PostgresEngine {
    public static final String ENGINE = "postgres";

    private PostgresEngine() {
    }

    public static Store open(String jdbcUrl, String user, String password) {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("the postgres engine needs a jdbc:postgresql: URL, got " + jdbcUrl);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        if (user != null) {
            config.setUsername(user);
        }
        if (password != null) {
            config.setPassword(password);
        }
        config.setPoolName("envmon-store");
        config.setMaximumPoolSize(8);
        config.setMinimumIdle(1);
        config.setAutoCommit(true);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StoreException("cannot connect to PostgreSQL at " + redact(jdbcUrl) + ": " + e.getMessage(), e);
        }
        Pool connections = new Pool(pool);
        try {
            Migrations.migrate(pool, "db/migration/postgresql", currentSchema(jdbcUrl));
            return new JdbcStore(ENGINE, connections, new PostgresObservationStore(connections), null, true,
                    Long.MAX_VALUE, new PostgresDerivedStore(connections));
        } catch (RuntimeException e) {
            connections.close();
            throw e;
        }
    }

    /** The first schema of a {@code currentSchema} URL parameter, or null. */
    static String currentSchema(String jdbcUrl) {
        int q = jdbcUrl.indexOf('?');
        if (q < 0) {
            return null;
        }
        for (String pair : jdbcUrl.substring(q + 1).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equalsIgnoreCase("currentSchema")) {
                String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8).split(",")[0].trim();
                return value.isEmpty() ? null : value;
            }
        }
        return null;
    }

    private static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    static final class Pool implements ConnectionSource {
        private final HikariDataSource pool;

        Pool(HikariDataSource pool) {
            this.pool = pool;
        }

        @Override
        public Connection connect() throws SQLException {
            return pool.getConnection();
        }

        @Override
        public void close() {
            pool.close();
        }
    }
}
