package org.envmon.store;

import org.envmon.model.Store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A throw-away PostgreSQL schema for tests, on the server named by {@code ENVMON_TEST_POSTGRES_URL} (default
 * {@code jdbc:postgresql://127.0.0.1:5432/test}, user {@code ENVMON_TEST_POSTGRES_USER} or else {@code postgres}
 * or {@code root}, trust auth). When the server is unreachable the test is skipped (JUnit assumption), unless
 * {@code ENVMON_REQUIRE_POSTGRES} is {@code true} or {@code 1}: then it fails.
 *
 * <pre>{@code
 * try (PostgresTestDatabase db = PostgresTestDatabase.create()) {
 *     try (Store store = Stores.open(db.storeConfig())) { ... }
 * }   // drops the schema
 * }</pre>
 */
public final class PostgresTestDatabase implements TestDatabase {
    public static final String REQUIRE_ENV = "ENVMON_REQUIRE_POSTGRES";
    public static final String URL_ENV = "ENVMON_TEST_POSTGRES_URL";
    public static final String USER_ENV = "ENVMON_TEST_POSTGRES_USER";
    public static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test";

    private static final Object PROBE_LOCK = new Object();
    private static boolean probed;
    private static String user;
    private static String unavailableReason;

    private final String schema;
    private boolean dropped;

    private PostgresTestDatabase(String schema) {
        this.schema = schema;
    }

    /** Creates a fresh, empty schema {@code envmon_test_<random>}; skips or fails the test when there is no server. */
    public static PostgresTestDatabase create() {
        assumeAvailable();
        String schema = "envmon_test_" + HexFormat.of().formatHex(randomBytes());
        try (Connection c = adminConnection(null); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test schema " + schema + ": " + e.getMessage(), e);
        }
        return new PostgresTestDatabase(schema);
    }

    /**
     * The URL of a fresh schema that is dropped when the JVM exits; for tests that only need a URL.
     * Prefer {@link #create()} with try-with-resources where the lifecycle is known.
     */
    public static String freshSchemaUrl() {
        PostgresTestDatabase db = create();
        Runtime.getRuntime().addShutdownHook(new Thread(db::close, "drop-" + db.schema));
        return db.url();
    }

    /** True when the test server answers. */
    public static boolean isAvailable() {
        probe();
        return unavailableReason == null;
    }

    /** Skips the calling test when the server is unreachable, or fails it when {@code ENVMON_REQUIRE_POSTGRES} is set. */
    public static void assumeAvailable() {
        probe();
        if (unavailableReason == null) {
            return;
        }
        String message = "PostgreSQL not reachable at " + baseUrl() + " (" + unavailableReason + ")";
        if (required()) {
            Assertions.fail(message + " and " + REQUIRE_ENV + " is set");
        }
        Assumptions.abort(message + "; skipping. Set " + REQUIRE_ENV + "=true to fail instead.");
    }

    public String schema() {
        return schema;
    }

    /** JDBC URL with user and {@code currentSchema} set: everything a store needs. */
    public String url() {
        String base = baseUrl();
        return base + (base.contains("?") ? "&" : "?") + "user=" + user + "&currentSchema=" + schema;
    }

    public StoreConfig storeConfig() {
        return StoreConfig.postgres(url());
    }

    /** A plain connection whose current schema is this one, e.g. to check table contents. */
    public Connection connect() throws SQLException {
        return adminConnection(schema);
    }

    /** Drops the schema and everything in it. */
    @Override
    public synchronized void close() {
        if (dropped) {
            return;
        }
        dropSchema(schema);
        dropped = true;
    }

    /** Drops a schema by name (for schemas created outside {@link #create()}, e.g. by a migration). */
    public static void dropSchema(String schema) {
        try (Connection c = adminConnection(null); Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop test schema " + schema + ": " + e.getMessage(), e);
        }
    }

    /** The user the server accepted. */
    public static String user() {
        assumeAvailable();
        return user;
    }

    public static String baseUrl() {
        String url = System.getenv(URL_ENV);
        return url == null || url.isBlank() ? DEFAULT_URL : url.trim();
    }

    private static boolean required() {
        String v = System.getenv(REQUIRE_ENV);
        return v != null && (v.trim().equalsIgnoreCase("true") || v.trim().equals("1"));
    }

    private static void probe() {
        synchronized (PROBE_LOCK) {
            if (probed) {
                return;
            }
            probed = true;
            String configured = System.getenv(USER_ENV);
            String[] candidates = configured == null || configured.isBlank()
                    ? new String[] {"postgres", "root"} : new String[] {configured.trim()};
            StringBuilder failures = new StringBuilder();
            for (String candidate : candidates) {
                user = candidate;
                try (Connection c = adminConnection(null)) {
                    unavailableReason = null;
                    return;
                } catch (SQLException e) {
                    failures.append(failures.length() == 0 ? "" : "; ").append(candidate).append(": ")
                            .append(e.getMessage());
                }
            }
            unavailableReason = failures.toString();
        }
    }

    private static Connection adminConnection(String schema) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("connectTimeout", "3");
        if (schema != null) {
            props.setProperty("currentSchema", schema);
        }
        return DriverManager.getConnection(baseUrl(), props);
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[6];
        ThreadLocalRandom.current().nextBytes(b);
        return b;
    }

    @Override
    public String toString() {
        return "PostgresTestDatabase[" + schema.toLowerCase(Locale.ROOT) + "]";
    }
}
