package org.envmon.model.alert;

import java.util.Objects;

/**
 * Identifies one condition: at most one active (open or acknowledged) alert exists per key, so a persisting
 * condition never produces duplicates.
 *
 * @param parameter HJ 212 parameter code, or a rule-defined name such as {@code "AQI"}; empty when the rule has no
 *                  parameter (station offline)
 */
public record AlertKey(String ruleId, String subject, String parameter) {
    public AlertKey {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(subject, "subject");
        parameter = parameter == null ? "" : parameter;
    }
}
