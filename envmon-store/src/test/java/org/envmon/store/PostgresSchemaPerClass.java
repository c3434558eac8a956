package org.envmon.store;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A {@link PostgresTestDatabase} for the whole test class, registered as a static {@code @RegisterExtension} field:
 * created before every {@code @BeforeAll} method (the class is skipped, or fails where PostgreSQL is required, when
 * the server is unreachable) and dropped after every {@code @AfterAll} method, so whatever those start on it is
 * stopped first.
 */
public final class PostgresSchemaPerClass implements BeforeAllCallback, AfterAllCallback {
    private PostgresTestDatabase db;

    @Override
    public void beforeAll(ExtensionContext context) {
        db = PostgresTestDatabase.create();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (db != null) {
            db.close();
            db = null;
        }
    }

    /** JDBC URL of the class's schema. */
    public String url() {
        return db.url();
    }
}
