package org.envmon.model.alert;

import java.util.Locale;

/**
 * Where an alert is in its lifecycle: {@code OPEN -> ACKNOWLEDGED -> CLOSED}, or {@code OPEN -> CLOSED}. A closed
 * alert stays closed; if its condition comes back, a new alert is opened.
 */
public enum AlertState {
    OPEN, ACKNOWLEDGED, CLOSED;

    /** Lower-case wire form ("open"). */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Open or acknowledged: the condition is (as far as the engine knows) still present. */
    public boolean active() {
        return this != CLOSED;
    }

    /** @throws IllegalArgumentException naming the accepted values */
    public static AlertState fromCode(String code) {
        for (AlertState s : values()) {
            if (s.code().equalsIgnoreCase(code.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown alert state '" + code + "'; expected open, acknowledged or closed");
    }
}
