package org.envmon.sources.permit;

import java.util.Objects;
import java.util.Optional;

/**
 * A discharge permit's concentration limit for one pollutant at one outlet: the emission standard it follows (or an
 * ultra-low-emission commitment), the limit in mg/m³ (flue gas, converted to the reference O2) or mg/L (waste water),
 * and the averaging period it applies to.
 *
 * @param pollutant HJ 212-2017 code, e.g. {@code a21026}
 * @param standard  e.g. {@code GB 13223-2011} or {@code 超低排放}
 */
public record ConcentrationLimit(String pollutant, String standard, double limit, AveragingPeriod period) {
    public ConcentrationLimit {
        Objects.requireNonNull(pollutant, "pollutant");
        Objects.requireNonNull(period, "period");
        if (!(limit > 0) || Double.isInfinite(limit)) {
            throw new IllegalArgumentException("a limit is a positive number: " + limit);
        }
    }

    /**
     * The mean of one averaging period against this limit. A mean exceeds when it is above the limit ("不得超过":
     * the limit itself complies); it is compared as computed, not rounded first (a choice: the standards set integer
     * limits and devices report two decimals). The multiple is {@code (C − L) / L}, as the national evaluation
     * states 超标倍数 (环办〔2011〕22号, there for water; applied to sources alike).
     *
     * @return empty when the mean complies
     */
    public Optional<Exceedance> check(double mean) {
        if (Double.isNaN(mean) || mean <= limit) {
            return Optional.empty();
        }
        return Optional.of(new Exceedance(this, mean, (mean - limit) / limit));
    }

    /** A period's mean above its limit, with the exceedance multiple. */
    public record Exceedance(ConcentrationLimit limit, double mean, double multiple) {
    }
}
