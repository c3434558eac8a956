package org.envmon.reports;

import java.util.Objects;

/**
 * A table column.
 *
 * @param key   stable ASCII key (for API consumers and tests), e.g. {@code pm25}
 * @param title Chinese heading, e.g. {@code PM2.5 年均浓度}
 * @param unit  unit shown in the heading, e.g. {@code µg/m³}; empty when none
 */
public record Column(String key, String title, String unit) {

    public Column {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(title, "title");
        unit = unit == null ? "" : unit;
    }

    public static Column of(String key, String title) {
        return new Column(key, title, "");
    }

    public static Column of(String key, String title, String unit) {
        return new Column(key, title, unit);
    }

    /** The heading as printed: {@code title（unit）}, or the title alone. */
    public String header() {
        return unit.isEmpty() ? title : title + "（" + unit + "）";
    }
}
