package org.envmon.app.config;

import io.micrometer.core.instrument.MeterRegistry;
import org.envmon.ingest.GroupCommitWriter;
import org.envmon.ingest.IngestSink;
import org.envmon.store.ObservationStore;
import org.envmon.store.SiteStore;
import org.envmon.store.Store;
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

    @Bean(destroyMethod = "close")
    IngestSink ingestSink(ObservationStore observations, EnvmonProperties props, MeterRegistry registry) {
        return new GroupCommitWriter(observations, props.ingest().queueCapacity(), props.ingest().maxBatch(),
                registry);
    }
}
