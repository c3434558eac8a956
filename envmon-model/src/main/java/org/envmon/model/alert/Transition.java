package org.envmon.model.alert;

import java.time.Instant;
import java.util.Objects;

/**
 * One step of an alert's history.
 *
 * @param from     null for the opening step
 * @param operator who acted: an operator's name, or {@link Alert#SYSTEM} for the engine
 * @param note     the operator's note or the engine's reason; may be null
 */
public record Transition(AlertState from, AlertState to, Instant at, String operator, String note) {
    public Transition {
        Objects.requireNonNull(to, "to");
        at = Alert.micros(Objects.requireNonNull(at, "at"));
    }
}
