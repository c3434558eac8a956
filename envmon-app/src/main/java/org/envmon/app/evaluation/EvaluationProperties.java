package org.envmon.app.evaluation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code envmon.evaluation.*}.
 *
 * @param maxPeriodDays   longest period a request may ask for (days; hourly requests: the same span in hours)
 * @param alertsInterval  how often the recent derived city hourly AQI is re-read and fed to the alert
 *                        engine, as a safety net behind the live recompute ({@code 0s} = never)
 * @param alertsLookbackHours hours before now re-read each time
 * @param recompute       whether the live recompute worker keeps the derived tables current (true)
 * @param recomputeInterval how often the worker gathers the changed hours and recomputes them (2 s)
 * @param recomputeWindow live data for hours older than this before now is stored, flagged late and left for
 *                        {@code envmon recompute} (P3D, project choice: covers a station's 2-day resend backlog)
 */
@ConfigurationProperties("envmon.evaluation")
public record EvaluationProperties(
        @DefaultValue("400") int maxPeriodDays,
        @DefaultValue("5m") Duration alertsInterval,
        @DefaultValue("3") int alertsLookbackHours,
        @DefaultValue("true") boolean recompute,
        @DefaultValue("2s") Duration recomputeInterval,
        @DefaultValue("P3D") Duration recomputeWindow) {
}
