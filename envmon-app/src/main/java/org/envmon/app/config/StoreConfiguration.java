package org.envmon.app.config;

import io.micrometer.core.instrument.MeterRegistry;
import org.envmon.ingest.GroupCommitWriter;
import org.envmon.ingest.IngestPipeline;
import org.envmon.ingest.IngestSink;
import org.envmon.ingest.QualityCheckingSink;
import org.envmon.ingest.journal.JournalConfig;
import org.envmon.ingest.journal.JournalingSink;
import org.envmon.ingest.log.IngestLog;
import java.nio.file.Path;
import org.envmon.quality.qc.QcOptions;
import org.envmon.quality.qc.QcRules;
import org.envmon.quality.qc.QualityControl;
import java.time.Clock;
import org.springframework.context.annotation.Primary;
import org.envmon.model.ObservationStore;
import org.envmon.model.SiteStore;
import org.envmon.model.Store;
import org.envmon.store.StoreConfig;
import org.envmon.store.Stores;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The store chosen by configuration, and the write path in front of it. */
@Configuration(proxyBeanMethods = false)
public class StoreConfiguration {

    @Bean(destroyMethod = "close")
    Store store(EnvmonProperties props) {
        StoreConfig config = switch (props.store()) {
            case "duckdb" -> StoreConfig.duckdb(props.dataDir());
            case "postgres" -> {
                if (props.jdbcUrl() == null || props.jdbcUrl().isBlank()) {
                    throw new IllegalArgumentException("envmon.store=postgres needs envmon.jdbc-url (--jdbc-url)");
                }
                yield StoreConfig.postgres(props.jdbcUrl());
            }
            default -> throw new IllegalArgumentException("unknown store '" + props.store()
                    + "'; expected duckdb or postgres");
        };
        return Stores.open(config);
    }

    @Bean
    SiteStore siteStore(Store store) {
        return store.sites();
    }

    @Bean
    ObservationStore observationStore(Store store) {
        return store.observations();
    }

    @Bean
    org.envmon.model.DerivedStore derivedStore(Store store) {
        return store.derived();
    }

    @Bean
    QualityControl qualityControl(EnvmonProperties props) {
        return new QualityControl(props.qcRulesFile() == null ? QcRules.defaults()
                : QcRules.defaultsWithOverrides(props.qcRulesFile()), QcOptions.defaults(), Clock.systemUTC());
    }

    /**
     * The ingest log and its store writer: the local journal with {@code envmon.ingest.journal.enabled} (stations
     * answered once their packet is forced to it), else the in-memory log (answered once in the store). Alerts and
     * live evaluation register on {@link #ingestLog} as consumers that follow the store writer.
     */
    @Bean(destroyMethod = "close")
    IngestPipeline ingestPipeline(ObservationStore observations, EnvmonProperties props, MeterRegistry registry) {
        EnvmonProperties.Journal j = props.ingest().journal();
        if (!j.enabled()) {
            return new GroupCommitWriter(observations, props.ingest().queueCapacity(), props.ingest().maxBatch(),
                    registry);
        }
        if (j.dir() == null && !props.store().equals("duckdb")) {
            // A journal must stay with its database: a default path could be shared by unrelated databases.
            throw new IllegalArgumentException("envmon.ingest.journal.enabled with envmon.store=" + props.store()
                    + " needs envmon.ingest.journal.dir");
        }
        Path dir = j.dir() != null ? j.dir() : props.dataDir().resolve("journal");
        return new JournalingSink(JournalConfig.defaults(dir)
                .withMaxBacklog(j.maxBacklog().toBytes(), j.maxBacklogRecords())
                .withSegmentBytes(j.segmentSize().toBytes(), j.preallocate())
                .withApplyBatchRecords(Math.min(props.ingest().maxBatch(), props.ingest().queueCapacity())),
                observations, registry);
    }

    @Bean
    IngestLog ingestLog(IngestPipeline pipeline) {
        return pipeline.log();
    }

    /** What receivers write to: automatic QC, then the ingest log. Closing it closes the log (drained first). */
    @Bean
    @Primary
    IngestSink ingestSink(IngestPipeline pipeline, QualityControl qc, SiteStore sites, MeterRegistry registry) {
        return new QualityCheckingSink(pipeline, qc, sites, registry);
    }
}
