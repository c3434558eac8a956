package org.envmon.model;

import java.util.List;
import java.util.Optional;
import org.envmon.model.alert.Alert;
import org.envmon.model.alert.AlertState;

/**
 * The early-warning engine's alerts ({@link Alert}), kept so that they survive a restart. The engine is the
 * only writer, on one thread; reads come from API threads.
 *
 * <p>Guarantees: ids come from a database sequence, so an id is never handed out twice, also not after the store
 * is reopened (nor by two processes sharing a PostgreSQL database). At most one active (open or acknowledged) alert
 * exists per key (rule id, subject, parameter): the database refuses a second one.
 */
public interface AlertStore {

    /** A fresh id, never handed out before. Ids increase, so "newest first" is "highest id first". */
    long nextId();

    /**
     * Inserts the alert, or replaces the one with the same id (every column and the whole history), in one
     * transaction.
     *
     * @throws IllegalArgumentException when a text contains U+0000 (PostgreSQL cannot store it)
     * @throws StoreException when the database fails, or the alert is active and another active alert of its key
     *                        exists
     */
    void save(Alert alert);

    Optional<Alert> find(long id);

    /** The open or acknowledged alert of a key, if any. A null parameter is the empty one. */
    Optional<Alert> findActive(String ruleId, String subject, String parameter);

    /**
     * Newest first (by id).
     *
     * @param state null for every state
     * @param limit at most this many (0 gives an empty list)
     * @throws IllegalArgumentException for a negative limit
     */
    List<Alert> list(AlertState state, int limit);

    /**
     * How many transitions (history steps, over every alert) are stored. Each change of an alert's state adds
     * exactly one, so the engine continues its event numbering from here after a restart.
     */
    long transitionCount();
}
