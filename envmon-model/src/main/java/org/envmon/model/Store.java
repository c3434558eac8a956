package org.envmon.model;

/** An opened store: its sites and observations. Close it to release the database. */
public interface Store extends AutoCloseable {
    SiteStore sites();

    ObservationStore observations();

    /** The parameter catalogue (codes, names, units). */
    ParameterStore parameters();

    /** Data review decisions (数据审核). */
    ReviewStore reviews();

    /** Review proposals of maintainers, decided by operators (two-level review). */
    ReviewProposalStore proposals();

    /** Completeness and station KPIs. */
    QualityStore quality();

    /** The hash chain: verification and checkpoints. */
    ChainStore chain();

    /** Derived air data (station and city hourly/daily AQI) and late-data flags. */
    DerivedStore derived();

    /** The early-warning engine's alerts. */
    AlertStore alerts();

    /** User accounts and API tokens (hashes only). */
    AccountStore accounts();

    /** The audit trail of writes and logins. */
    AuditStore audit();

    /** "duckdb" or "postgres". */
    String engine();

    @Override
    void close();
}
