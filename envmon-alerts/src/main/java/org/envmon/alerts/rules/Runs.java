package org.envmon.alerts.rules;

import java.time.Duration;

/**
 * How a per-series rule opens and closes: {@code min-count} values in a row in the condition open it,
 * {@code clear-count} out of it close it, and values older than {@code max-age} before the engine clock are skipped
 * (history uploads and file imports raise nothing).
 */
public record Runs(int minCount, int clearCount, Duration maxAge) {

    public Runs {
        if (minCount < 1 || clearCount < 1) {
            throw new IllegalArgumentException("min-count and clear-count must be >= 1");
        }
        if (maxAge == null || maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("max-age must be positive");
        }
    }
}
