package org.envmon.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * A chaining write outside the observation batches (a review, an audit record, a checkpoint): one transaction under
 * the store's write lock, with the chain head loaded at its start (the chain has one head).
 */
public final class ChainWrites {
    private final ConnectionSource db;
    private final Object writeLock;
    private final boolean lockHeadRow;

    /** The work of one chaining transaction, given the loaded head; it saves the head where it changed it. */
    @FunctionalInterface
    public interface Work<T> {
        T apply(Connection connection, ChainHead head) throws SQLException;
    }

    /**
     * @param writeLock   the monitor every chaining write holds (the observation store)
     * @param lockHeadRow whether the database needs {@code SELECT ... FOR UPDATE} on the chain head (PostgreSQL)
     */
    public ChainWrites(ConnectionSource db, Object writeLock, boolean lockHeadRow) {
        this.db = db;
        this.writeLock = writeLock;
        this.lockHeadRow = lockHeadRow;
    }

    public ConnectionSource db() {
        return db;
    }

    public <T> T write(String what, Work<T> work) {
        synchronized (writeLock) {
            return Jdbc.inTransaction(db, what, c -> work.apply(c, ChainHead.load(c, lockHeadRow)));
        }
    }

    /** Chains one entry of {@code kind} for row {@code refId}, its fields encoded by {@code fields}, and saves the head. */
    static void appendOne(Connection c, ChainHead head, String kind, long refId, Function<ChainCodec, byte[]> fields)
            throws SQLException {
        ChainCodec codec = new ChainCodec();
        head.begin(codec, Instant.now());
        ChainHead.insert(c, List.of(head.append(codec, kind, refId, 0, fields.apply(codec), null, null)));
        head.save(c);
    }
}
