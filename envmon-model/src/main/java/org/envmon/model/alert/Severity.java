package org.envmon.model.alert;

import org.envmon.model.Codes;

/** How urgent an alert is; set per rule in the rule configuration. */
public enum Severity {
    INFO, WARNING, MAJOR, CRITICAL;

    public String code() {
        return Codes.of(this);
    }

    /** @throws IllegalArgumentException naming the accepted values */
    public static Severity fromCode(String code) {
        return Codes.parse(Severity.class, "severity", code);
    }
}
