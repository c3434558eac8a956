package org.envmon.evaluation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.envmon.standards.air.AirQualityEvaluation.PeriodEvaluation;
import org.envmon.standards.air.AirQualityEvaluation.PeriodStatistic;
import org.envmon.standards.air.CityRanking;
import org.envmon.standards.air.CompositeIndex;
import org.envmon.standards.air.Pollutant;

/**
 * City ranking over a period ({@code /rankings/cities?from=&to=&by=}), from each city's {@link PeriodEvaluation}
 * ({@link AirEvaluator#period} on the city's daily values).
 *
 * <p>Decisions (the ranking rule, digest §4, covers the composite index only):
 * <ul>
 *   <li>{@link By#COMPOSITE}: I_sum (2 decimals) ascending through {@link CityRanking#rank}; weights configurable
 *       ({@link CompositeIndex.Weights#NONE} by default; {@code RANKING_2018} recomputes I_sum from the same C_i).
 *       {@link By#PM25}: the period-mean PM2.5 (reported integer) ascending. {@link By#GOOD_DAYS}: the good-day
 *       share (%, 1 decimal) descending. Equal values share a rank (1, 2, 2, 4), as {@link CityRanking}.</li>
 *   <li>A city without the value (e.g. an item missing, so no I_sum) is not ranked; it is listed in
 *       {@link Ranking#unranked()}.</li>
 *   <li>Change vs the same period of the previous year ({@link #samePeriodLastYear}): for the composite index and
 *       PM2.5 the change rate {@code (this − last) / last × 100} % to 1 decimal ({@link CityRanking#changeRate});
 *       for the good-day share the difference in percentage points. Empty where the previous period has no value
 *       (or a zero base).</li>
 * </ul>
 */
public final class AirRanking {

    /** What to rank by. */
    public enum By {
        COMPOSITE, PM25, GOOD_DAYS;

        /** {@code composite}, {@code pm25}, {@code good_days}. */
        public static By parse(String s) {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        }

        /** Whether larger values rank better. */
        public boolean descending() {
            return this == GOOD_DAYS;
        }
    }

    /**
     * One ranked city.
     *
     * @param value     the ranked value (I_sum, PM2.5 µg/m³, or good-day %)
     * @param previous  the same value for the same period of the previous year, if known
     * @param change    change rate in % (composite, PM2.5) or difference in percentage points (good days)
     */
    public record RankedCity(int rank, String city, BigDecimal value, Optional<BigDecimal> previous,
            Optional<BigDecimal> change) {
    }

    /** A ranking; {@code unranked} are cities given without the ranked value, by name. */
    public record Ranking(By by, List<RankedCity> ranked, List<String> unranked) {
    }

    private AirRanking() {
    }

    /** The same calendar period one year earlier (29 February maps to 28 February). */
    public static LocalDate[] samePeriodLastYear(LocalDate from, LocalDate to) {
        return new LocalDate[] {from.minusYears(1), to.minusYears(1)};
    }

    /** Ranks with unweighted composite index. */
    public static Ranking rank(Map<String, PeriodEvaluation> current, Map<String, PeriodEvaluation> previousYear,
            By by) {
        return rank(current, previousYear, by, CompositeIndex.Weights.NONE);
    }

    public static Ranking rank(Map<String, PeriodEvaluation> current, Map<String, PeriodEvaluation> previousYear,
            By by, CompositeIndex.Weights weights) {
        Map<String, BigDecimal> values = new HashMap<>();
        TreeSet<String> unranked = new TreeSet<>();
        current.forEach((city, e) -> {
            Optional<BigDecimal> v = value(e, by, weights);
            if (v.isPresent()) {
                values.put(city, by.descending() ? v.get().negate() : v.get());
            } else {
                unranked.add(city);
            }
        });
        List<RankedCity> out = new ArrayList<>(values.size());
        for (CityRanking.Entry e : CityRanking.rank(values)) {
            BigDecimal v = by.descending() ? e.index().negate() : e.index();
            PeriodEvaluation prev = previousYear == null ? null : previousYear.get(e.city());
            Optional<BigDecimal> p = prev == null ? Optional.empty() : value(prev, by, weights);
            Optional<BigDecimal> change = p.flatMap(last -> {
                if (by == By.GOOD_DAYS) {
                    return Optional.of(v.subtract(last));
                }
                return last.signum() == 0 ? Optional.empty() : Optional.of(CityRanking.changeRate(v, last));
            });
            out.add(new RankedCity(e.rank(), e.city(), v, p, change));
        }
        return new Ranking(by, List.copyOf(out), List.copyOf(unranked));
    }

    /** The ranked value of one evaluation. */
    public static Optional<BigDecimal> value(PeriodEvaluation e, By by, CompositeIndex.Weights weights) {
        switch (by) {
            case COMPOSITE:
                if (weights == CompositeIndex.Weights.NONE || weights == null) {
                    return e.composite().total();
                }
                return CompositeIndex.compute(e.stage(), compositeInputs(e), weights).total();
            case PM25:
                return statistic(e, "pm25", "annual_mean");
            default:
                return e.goodDaysRatio();
        }
    }

    /** The C_i of the composite index: period means of SO2, NO2, PM10, PM2.5; CO p95; O3 8-h p90. */
    static Map<Pollutant, BigDecimal> compositeInputs(PeriodEvaluation e) {
        Map<Pollutant, BigDecimal> c = new EnumMap<>(Pollutant.class);
        for (PeriodStatistic s : e.statistics()) {
            boolean use = s.statistic().equals("annual_mean")
                    || (s.pollutant() == Pollutant.CO && s.statistic().equals("p95"))
                    || (s.pollutant() == Pollutant.O3 && s.statistic().equals("p90"));
            if (use && s.value().isPresent()) {
                c.put(s.pollutant(), s.value().get());
            }
        }
        return c;
    }

    private static Optional<BigDecimal> statistic(PeriodEvaluation e, String key, String statistic) {
        for (PeriodStatistic s : e.statistics()) {
            if (s.key().equals(key) && s.statistic().equals(statistic)) {
                return s.value();
            }
        }
        return Optional.empty();
    }
}
