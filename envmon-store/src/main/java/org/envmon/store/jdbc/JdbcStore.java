package org.envmon.store.jdbc;

import org.envmon.store.ObservationStore;
import org.envmon.store.ParameterStore;
import org.envmon.store.SiteStore;
import org.envmon.store.Store;

/** A store assembled from the shared JDBC parts and an engine's observation store. */
public final class JdbcStore implements Store {
    private final String engine;
    private final ConnectionSource db;
    private final SiteStore sites;
    private final ParameterStore parameters;
    private final JdbcObservationStore observations;
    private final AutoCloseable beforeClose;

    public JdbcStore(String engine, ConnectionSource db, JdbcObservationStore observations, AutoCloseable beforeClose) {
        this.engine = engine;
        this.db = db;
        this.sites = new JdbcSiteStore(db);
        this.parameters = new JdbcParameterStore(db);
        this.observations = observations;
        this.beforeClose = beforeClose;
    }

    @Override
    public SiteStore sites() {
        return sites;
    }

    @Override
    public ObservationStore observations() {
        return observations;
    }

    @Override
    public ParameterStore parameters() {
        return parameters;
    }

    @Override
    public String engine() {
        return engine;
    }

    @Override
    public void close() {
        // Waits for a write in progress (write is synchronized on the observation store).
        synchronized (observations) {
            try {
                if (beforeClose != null) {
                    beforeClose.close();
                }
            } catch (Exception e) {
                // closing anyway
            } finally {
                db.close();
            }
        }
    }

    @Override
    public String toString() {
        return "Store[" + engine + "]";
    }
}
