package org.envmon.app.evaluation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code envmon.evaluation.*}.
 *
 * @param maxPeriodDays   longest period a request may ask for (days; hourly requests: the same span in hours)
 * @param alertsInterval  how often the recent city hourly AQI is recomputed and fed to the alert engine
 *                        ({@code 0s} = never)
 * @param alertsLookbackHours hours before now recomputed each time (late data, reviews)
 */
@ConfigurationProperties("envmon.evaluation")
public record EvaluationProperties(
        @DefaultValue("400") int maxPeriodDays,
        @DefaultValue("5m") Duration alertsInterval,
        @DefaultValue("3") int alertsLookbackHours) {
}
