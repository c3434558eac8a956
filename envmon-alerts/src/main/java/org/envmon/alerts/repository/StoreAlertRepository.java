package org.envmon.alerts.repository;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.envmon.model.AlertStore;
import org.envmon.model.alert.Alert;
import org.envmon.model.alert.AlertKey;
import org.envmon.model.alert.AlertState;

/**
 * Alerts kept in the store ({@link org.envmon.model.Store#alerts()}, both engines), so that they survive a restart.
 * Every alert is kept (there is no retention of closed alerts, unlike {@link InMemoryAlertRepository}). Ids come from
 * the store's sequence and never repeat. The store keeps the very {@link Alert} type the engine uses, so nothing is
 * converted. Thread-safe (each call is its own database statement or transaction).
 */
public final class StoreAlertRepository implements AlertRepository {
    private final AlertStore store;

    public StoreAlertRepository(AlertStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public long nextId() {
        return store.nextId();
    }

    @Override
    public void save(Alert alert) {
        store.save(alert);
    }

    @Override
    public Optional<Alert> find(long id) {
        return store.find(id);
    }

    @Override
    public Optional<Alert> findActive(AlertKey key) {
        return store.findActive(key.ruleId(), key.subject(), key.parameter());
    }

    @Override
    public List<Alert> list(AlertState state, int limit) {
        return store.list(state, limit);
    }

    /** Every transition stored is one event the engine published, so numbering continues from their count. */
    @Override
    public long lastEventSequence() {
        return store.transitionCount();
    }
}
