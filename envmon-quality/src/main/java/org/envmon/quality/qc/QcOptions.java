package org.envmon.quality.qc;

import java.time.Duration;
import java.util.Objects;

/**
 * Process-wide QC settings that are not per parameter.
 *
 * @param futureTolerance  a value whose time is later than now plus this is {@link QcCode#FUTURE_TIME} (station clocks
 *                         drift; the gateway already drops values more than 1 h ahead, so this catches the rest and
 *                         file imports)
 * @param maxSites         sites whose series state is kept; the least recently seen site is forgotten beyond this
 * @param maxSeriesPerSite parameter series kept per site; the oldest series is forgotten beyond this (bounds memory
 *                         against a station that sends many unknown codes)
 */
public record QcOptions(Duration futureTolerance, int maxSites, int maxSeriesPerSite) {
    public QcOptions {
        Objects.requireNonNull(futureTolerance, "futureTolerance");
        if (futureTolerance.isNegative()) {
            throw new IllegalArgumentException("futureTolerance must not be negative");
        }
        if (maxSites < 1 || maxSeriesPerSite < 1) {
            throw new IllegalArgumentException("maxSites and maxSeriesPerSite must be positive");
        }
    }

    /**
     * 10 minutes of clock tolerance; 50 000 sites (about 30x the national air network) x 128 series. A series state is
     * about 100 bytes, so the worst case is a few hundred MB and a typical deployment a few MB.
     */
    public static QcOptions defaults() {
        return new QcOptions(Duration.ofMinutes(10), 50_000, 128);
    }
}
