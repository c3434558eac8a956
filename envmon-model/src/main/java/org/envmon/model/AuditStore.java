package org.envmon.model;

import java.time.Instant;
import java.util.List;

/** The audit trail: append-only records of writes and logins. */
public interface AuditStore {

    /** Appends the record (its {@code id} is ignored) and returns it with the id the store gave it. */
    AuditRecord append(AuditRecord record);

    /**
     * Records with {@code from <= at < to}, of one actor or of all when {@code actor} is null, oldest first.
     *
     * @param from  null = unbounded
     * @param to    null = unbounded
     * @param limit at most this many (the oldest ones)
     */
    List<AuditRecord> list(Instant from, Instant to, String actor, int limit);
}
