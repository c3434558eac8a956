package org.envmon.app.air;

import org.envmon.app.evaluation.EvaluationConfiguration;
import org.envmon.app.evaluation.EvaluationProperties;
import org.envmon.alerts.engine.AlertEngine;
import org.envmon.alerts.engine.CityAqiFeed;
import org.envmon.model.DerivedStore;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The derived city AQI fed to the alert engine ({@link CityAqiFeed}): live from the recompute worker
 * ({@link EvaluationConfiguration}), and re-read every {@code envmon.evaluation.alerts-interval} as a safety net. No
 * feed when the alert engine is disabled ({@code envmon.alerts.enabled=false}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "envmon.alerts.enabled", havingValue = "true", matchIfMissing = true)
public class CityAqiFeedConfiguration {

    @Bean(destroyMethod = "close")
    CityAqiFeed cityAqiFeed(DerivedStore derived, AlertEngine engine, EvaluationProperties props) {
        CityAqiFeed feed = new CityAqiFeed(derived, engine, props.alertsLookbackHours());
        feed.start(props.alertsInterval());
        return feed;
    }
}
