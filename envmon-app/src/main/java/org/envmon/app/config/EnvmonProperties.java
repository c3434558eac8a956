package org.envmon.app.config;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings under {@code envmon.*} (command-line options of {@code envmon serve} map onto these).
 *
 * @param dataDir  where the embedded store keeps its file
 * @param store    duckdb (default) or postgres
 * @param jdbcUrl  PostgreSQL JDBC URL when store=postgres
 * @param qcRulesFile optional CSV of QC rule overrides (same columns as the shipped qc-defaults.csv)
 */
@ConfigurationProperties("envmon")
public record EnvmonProperties(
        @DefaultValue("./envmon-data") Path dataDir,
        @DefaultValue("duckdb") String store,
        String jdbcUrl,
        Path qcRulesFile,
        @DefaultValue Hj212 hj212,
        @DefaultValue Ingest ingest) {

    /**
     * @param port             TCP port of the HJ 212 gateway (0 = any free port)
     * @param maxConnections   connections beyond this are closed at once
     * @param maxFrameBytes    longest data segment accepted (HJ 212's length field allows 9999)
     * @param idleTimeoutSeconds a connection silent this long is closed
     * @param errorBudget      rejected frames tolerated per connection before it is closed
     * @param garbageBytesPerError bytes outside any frame that cost one unit of the error budget
     * @param maxPendingBytes  bytes held for incomplete split packets (PNUM/PNO) across all connections; beyond it the
     *                         oldest incomplete packets are dropped
     * @param host             bind address of the gateway (stations connect from outside: all interfaces by default)
     * @param authFailuresPerMinute failed authentications (unknown MN, wrong PW) one peer address may make a minute
     *                         before it is refused at connect for {@code authBan} (0 = never)
     * @param authBan          how long such an address is refused
     */
    public record Hj212(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("9212") int port,
            @DefaultValue("20000") int maxConnections,
            @DefaultValue("4096") int maxFrameBytes,
            @DefaultValue("600") int idleTimeoutSeconds,
            @DefaultValue("100") int errorBudget,
            @DefaultValue("1024") int garbageBytesPerError,
            @DefaultValue("16MB") DataSize maxPendingBytes,
            @DefaultValue("0.0.0.0") String host,
            @DefaultValue("30") int authFailuresPerMinute,
            @DefaultValue("10m") Duration authBan) {
    }

    /**
     * @param queueCapacity packets waiting for commit
     * @param maxBatch      packets per group commit
     * @param journal       the durable ingest journal in front of the store writer
     */
    public record Ingest(
            @DefaultValue("100000") int queueCapacity,
            @DefaultValue("5000") int maxBatch,
            @DefaultValue Journal journal) {
    }

    /**
     * The ingest journal ({@code JournalingSink}): stations are answered once their packet is fsynced to a local
     * journal, and a background applier writes it to the store, so a slow store commit no longer delays answers. The
     * price is a visibility lag: the REST API sees a packet only once it is applied (typically tens of
     * milliseconds, longer while the store stalls or is down).
     *
     * @param enabled           off by default: answers then wait for the store commit, and a packet is readable
     *                          through the API as soon as its station is answered
     * @param dir               journal directory; default {@code <data-dir>/journal} beside the DuckDB file;
     *                          required with PostgreSQL (a journal belongs to one database: pointing a journal
     *                          that still holds records at another database would apply them there). One process
     *                          per directory (it is locked)
     * @param maxBacklog        journaled but not yet applied data beyond which packets are refused (unanswered,
     *                          the station resends)
     * @param maxBacklogRecords the same bound in packets
     * @param segmentSize       size at which a journal segment file is sealed and a new one started
     * @param preallocate       keep a zero-filled spare segment ready, so that a journal fsync never waits for a
     *                          file-system metadata commit (and with it for the database's own writes)
     */
    public record Journal(
            @DefaultValue("false") boolean enabled,
            Path dir,
            @DefaultValue("1GB") DataSize maxBacklog,
            @DefaultValue("2000000") long maxBacklogRecords,
            @DefaultValue("64MB") DataSize segmentSize,
            @DefaultValue("true") boolean preallocate) {
    }
}
