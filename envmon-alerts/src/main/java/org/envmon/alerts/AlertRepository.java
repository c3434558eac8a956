package org.envmon.alerts;

import java.util.List;
import java.util.Optional;

/**
 * Where alerts are kept. The engine is the only writer. {@link InMemoryAlertRepository} is the implementation for
 * now (alerts are lost on restart); a store-backed one (a table in envmon-store, both engines) replaces it behind
 * this interface without the engine changing.
 */
public interface AlertRepository {

    /** A fresh id, never handed out before. */
    long nextId();

    /** Inserts or replaces the alert with the same id. */
    void save(Alert alert);

    Optional<Alert> find(long id);

    /** The open or acknowledged alert for a key, if any (at most one exists). */
    Optional<Alert> findActive(AlertKey key);

    /**
     * Newest first (by id).
     *
     * @param state null for every state
     * @param limit at most this many
     */
    List<Alert> list(AlertState state, int limit);
}
