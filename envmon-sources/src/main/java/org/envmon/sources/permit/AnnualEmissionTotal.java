package org.envmon.sources.permit;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.Year;
import java.util.OptionalDouble;
import org.envmon.sources.EmissionAmount;

/**
 * The running annual emission of one pollutant against the permitted annual total (许可排放量, t/a), with a linear
 * projection to the end of the calendar year (a choice: the share of the year's hours elapsed, no seasonality).
 *
 * @param year            the calendar year of the permit's total
 * @param permittedTonnes the permit's annual total
 * @param emittedKg       the amount emitted in {@code year} so far, the sum of the hourly amounts
 * @param through         the end of the last hour counted (local time of the permit), within the year: from its
 *                        first instant to 00:00 on the next 1 January
 */
public record AnnualEmissionTotal(Year year, double permittedTonnes, double emittedKg, LocalDateTime through) {

    public AnnualEmissionTotal {
        if (year == null || !(permittedTonnes > 0) || !(emittedKg >= 0) || through == null) {
            throw new IllegalArgumentException("need a year, a positive permitted total, a non-negative amount and "
                    + "a time");
        }
        if (through.isBefore(start(year)) || through.isAfter(start(year.plusYears(1)))) {
            throw new IllegalArgumentException(through + " is not within " + year);
        }
    }

    private static LocalDateTime start(Year y) {
        return y.atDay(1).atStartOfDay();
    }

    /** Share of the permitted total already emitted (1.0 = all of it). */
    public double shareUsed() {
        return EmissionAmount.tonnes(emittedKg) / permittedTonnes;
    }

    /** The year's emission if the rest of the year goes as it has so far, in tonnes; empty before an hour passed. */
    public OptionalDouble projectedTonnes() {
        long elapsed = Duration.between(start(year), through).toHours();
        if (elapsed <= 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(EmissionAmount.tonnes(emittedKg) * (year.length() * 24L) / elapsed);
    }

    /** Whether the total is already used up, or the projection goes beyond it. */
    public boolean atRisk() {
        return shareUsed() > 1.0 || projectedTonnes().orElse(0) > permittedTonnes;
    }
}
