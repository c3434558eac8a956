package org.envmon.app.sources;

import org.envmon.evaluation.sources.SourceEmissionsService;
import org.envmon.model.ObservationStore;
import org.envmon.model.SiteStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the pollution-source reads. */
@Configuration(proxyBeanMethods = false)
public class SourcesConfiguration {
    @Bean
    SourceEmissionsService sourceEmissions(SiteStore sites, ObservationStore observations) {
        return new SourceEmissionsService(sites, observations);
    }
}
