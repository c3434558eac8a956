package org.envmon.model.alert;

import java.time.Instant;

/**
 * What a rule reports when its condition starts: enough for the engine to open an alert.
 *
 * @param higherIsWorse how to track the peak while the alert is active
 */
public record Condition(AlertKey key, SubjectType subjectType, Severity severity, Instant dataTime, double value,
                        Double threshold, boolean higherIsWorse, String message) {
}
