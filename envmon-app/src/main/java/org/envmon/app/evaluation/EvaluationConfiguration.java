package org.envmon.app.evaluation;

import org.envmon.app.water.WaterProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.envmon.alerts.engine.CityAqiFeed;
import org.envmon.evaluation.air.AirEvaluationService;
import org.envmon.evaluation.derived.LiveRecompute;
import org.envmon.evaluation.water.WaterEvaluationService;
import org.envmon.ingest.StoredBatches;
import org.envmon.ingest.log.IngestLog;
import org.envmon.model.DerivedStore;
import org.envmon.model.ObservationStore;
import org.envmon.model.SiteStore;
import org.envmon.model.Store;
import org.envmon.standards.water.WaterRounding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The evaluation services over the stores (air: sites, cities, reports, rankings; water: sections, groups, CWQI
 * ranking), the deployment's water rounding, and the live recompute worker listening to the ingest writer's commits.
 */
@Configuration(proxyBeanMethods = false)
public class EvaluationConfiguration {
    private static final Logger log = LoggerFactory.getLogger(EvaluationConfiguration.class);

    /** How water values are rounded before classing ({@code envmon.water.*}), for evaluation, reports and alerts. */
    @Bean
    WaterRounding waterRounding(WaterProperties props) {
        WaterRounding rounding = props.toRounding();
        log.info("water values are classed {}: {}", rounding.mode() == WaterRounding.Mode.REPORTED
                ? "as reported (GB/T 8170)" : "unrounded", rounding);
        return rounding;
    }

    @Bean
    AirEvaluationService airEvaluation(SiteStore sites, ObservationStore observations, DerivedStore derived,
            EvaluationProperties props) {
        return new AirEvaluationService(sites, observations, derived, props.maxPeriodDays());
    }

    @Bean
    WaterEvaluationService waterEvaluation(SiteStore sites, ObservationStore observations, WaterRounding rounding) {
        return new WaterEvaluationService(sites, observations, rounding);
    }

    @Bean(destroyMethod = "close")
    LiveRecompute derivedAirWorker(Store store, EvaluationProperties props, IngestLog ingestLog,
            ObjectProvider<CityAqiFeed> alertFeed, MeterRegistry registry) {
        LiveRecompute worker = new LiveRecompute(store, props.recomputeInterval(), props.recomputeWindow(),
                Clock.systemUTC(), registry);
        alertFeed.ifAvailable(feed -> worker.addConsumer(feed::accept));
        if (props.recompute()) {
            StoredBatches.follow(ingestLog, "live-evaluation", worker::committed, registry);
            worker.start();
        }
        return worker;
    }
}
