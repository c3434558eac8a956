package org.envmon.alerts.rules;

import java.util.Objects;
import org.envmon.model.alert.Severity;

/**
 * The settings every rule has: its id (part of every alert's key), its severity and the label its alerts give the
 * condition.
 *
 * @param severity null only for a type that grades severity itself (heavy-pollution: one per warning level)
 * @param label    null or blank for the rule's own default ({@link #labelOr})
 */
public record RuleBasics(String id, Severity severity, String label) {

    public RuleBasics {
        Objects.requireNonNull(id, "id");
    }

    /** These settings with {@code label} when none was given. */
    public RuleBasics labelOr(String label) {
        return this.label == null || this.label.isBlank() ? new RuleBasics(id, severity, label) : this;
    }

    /** The error for a bad setting of this rule: {@code rule <id>: <what>}. */
    public IllegalArgumentException invalid(String what) {
        return new IllegalArgumentException("rule " + id + ": " + what);
    }
}
