package org.envmon.alerts.repository;

import java.util.List;
import java.util.Optional;
import org.envmon.alerts.AlertEvent;
import org.envmon.model.alert.Alert;
import org.envmon.model.alert.AlertKey;
import org.envmon.model.alert.AlertState;
import org.envmon.model.alert.Transition;

/**
 * Where alerts are kept. The engine is the only writer. {@link StoreAlertRepository} keeps them in the store (both
 * engines), so they survive a restart; {@link InMemoryAlertRepository} loses them on restart.
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

    /**
     * The sequence of the last {@link AlertEvent} published over the alerts kept here, so that an engine started
     * over them continues the numbering (webhook receivers drop repeats by it). Each event is exactly one
     * {@link Transition} saved, so a repository that survives restarts answers the number of transitions it holds;
     * one that does not answers 0 (the default).
     */
    default long lastEventSequence() {
        return 0;
    }
}
