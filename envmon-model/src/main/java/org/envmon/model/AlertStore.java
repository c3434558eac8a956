package org.envmon.model;

import java.util.List;
import java.util.Optional;

/**
 * The early-warning engine's alerts ({@link StoredAlert}), kept so that they survive a restart. The engine is the
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
     * @throws StoreException when the database fails, or the alert is active and another active alert of its key
     *                        exists
     */
    void save(StoredAlert alert);

    Optional<StoredAlert> find(long id);

    /** The open or acknowledged alert of a key, if any. A null parameter is the empty one. */
    Optional<StoredAlert> findActive(String ruleId, String subject, String parameter);

    /**
     * Newest first (by id).
     *
     * @param state one of {@link StoredAlert#STATES}, or null for every state
     * @param limit at most this many (0 gives an empty list)
     * @throws IllegalArgumentException for an unknown state or a negative limit
     */
    List<StoredAlert> list(String state, int limit);

    /**
     * How many transitions (history steps, over every alert) are stored. Each change of an alert's state adds
     * exactly one, so the engine continues its event numbering from here after a restart.
     */
    long transitionCount();
}
