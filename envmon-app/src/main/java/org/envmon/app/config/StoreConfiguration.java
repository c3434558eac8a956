package org.envmon.app.config;

import io.micrometer.core.instrument.MeterRegistry;
import org.envmon.ingest.GroupCommitWriter;
import org.envmon.ingest.IngestSink;
import org.envmon.ingest.QualityCheckingSink;
import org.envmon.ingest.journal.JournalConfig;
import org.envmon.ingest.journal.JournalingSink;
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

    /** The writer: group commit into the store; listeners hear of each durable commit. */
    @Bean(destroyMethod = "close")
    GroupCommitWriter groupCommitWriter(ObservationStore observations, EnvmonProperties props,
                                        MeterRegistry registry) {
        return new GroupCommitWriter(observations, props.ingest().queueCapacity(), props.ingest().maxBatch(),
                registry);
    }

    @Bean
    QualityControl qualityControl(EnvmonProperties props) {
        return new QualityControl(props.qcRulesFile() == null ? QcRules.defaults()
                : QcRules.defaultsWithOverrides(props.qcRulesFile()), QcOptions.defaults(), Clock.systemUTC());
    }

    /**
     * What receivers write to: automatic QC, then (with {@code envmon.ingest.journal.enabled}) the ingest journal,
     * then the writer. The journal applies to the store through the same {@link GroupCommitWriter}, so its listeners
     * (alerts, live evaluation) still hear of every batch after the store commit. Closing it closes the journal and
     * the writer.
     */
    @Bean
    @Primary
    IngestSink ingestSink(GroupCommitWriter writer, QualityControl qc, SiteStore sites, MeterRegistry registry,
                          EnvmonProperties props) {
        EnvmonProperties.Journal j = props.ingest().journal();
        IngestSink next = writer;
        if (j.enabled()) {
            if (j.dir() == null && !props.store().equals("duckdb")) {
                // A journal must stay with its database: a default path could be shared by unrelated databases.
                throw new IllegalArgumentException("envmon.ingest.journal.enabled with envmon.store=" + props.store()
                        + " needs envmon.ingest.journal.dir");
            }
            Path dir = j.dir() != null ? j.dir() : props.dataDir().resolve("journal");
            next = new JournalingSink(JournalConfig.defaults(dir)
                    .withMaxBacklog(j.maxBacklog().toBytes(), j.maxBacklogRecords())
                    .withSegmentBytes(j.segmentSize().toBytes(), j.preallocate())
                    .withApplyBatchRecords(Math.min(props.ingest().maxBatch(), props.ingest().queueCapacity())),
                    writer, registry);
        }
        return new QualityCheckingSink(next, qc, sites, registry);
    }
}
