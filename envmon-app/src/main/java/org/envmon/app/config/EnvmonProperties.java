package org.envmon.app.config;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

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
     */
    public record Hj212(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("9212") int port,
            @DefaultValue("20000") int maxConnections,
            @DefaultValue("4096") int maxFrameBytes,
            @DefaultValue("600") int idleTimeoutSeconds,
            @DefaultValue("100") int errorBudget) {
    }

    /** @param queueCapacity packets waiting for commit; @param maxBatch packets per group commit */
    public record Ingest(
            @DefaultValue("100000") int queueCapacity,
            @DefaultValue("5000") int maxBatch) {
    }
}
