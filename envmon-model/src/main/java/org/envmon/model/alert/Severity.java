package org.envmon.model.alert;

import java.util.Locale;

/** How urgent an alert is; set per rule in the rule configuration. */
public enum Severity {
    INFO, WARNING, MAJOR, CRITICAL;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the accepted values */
    public static Severity fromCode(String code) {
        for (Severity s : values()) {
            if (s.code().equalsIgnoreCase(code.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown severity '" + code + "'; expected info, warning, major or critical");
    }
}
