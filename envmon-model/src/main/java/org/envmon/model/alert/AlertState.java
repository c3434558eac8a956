package org.envmon.model.alert;

import org.envmon.model.Codes;

/**
 * Where an alert is in its lifecycle: {@code OPEN -> ACKNOWLEDGED -> CLOSED}, or {@code OPEN -> CLOSED}. A closed
 * alert stays closed; if its condition comes back, a new alert is opened.
 */
public enum AlertState {
    OPEN, ACKNOWLEDGED, CLOSED;

    /** Lower-case wire form ("open"). */
    public String code() {
        return Codes.of(this);
    }

    /** Open or acknowledged: the condition is (as far as the engine knows) still present. */
    public boolean active() {
        return this != CLOSED;
    }

    /** @throws IllegalArgumentException naming the accepted values */
    public static AlertState fromCode(String code) {
        return Codes.parse(AlertState.class, "alert state", code);
    }
}
