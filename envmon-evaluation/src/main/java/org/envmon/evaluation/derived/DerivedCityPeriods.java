package org.envmon.evaluation.derived;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.envmon.evaluation.AirEvaluator;
import org.envmon.evaluation.AirRanking;
import org.envmon.evaluation.HourGrid;
import org.envmon.evaluation.StationDaily;
import org.envmon.evaluation.StationHourSeries;
import org.envmon.standards.air.AirQualityEvaluation.PeriodEvaluation;
import org.envmon.model.DerivedStore;

/**
 * City period evaluations (HJ 663) and rankings from the derived city daily values ({@link DerivedStore}): one read of
 * the city-day rows, no station hours. Equal to evaluating the stations' hours (the derived rows are what
 * {@link AirEvaluator#daily} computed; tested).
 */
public final class DerivedCityPeriods {
    private final DerivedStore derived;

    public DerivedCityPeriods(DerivedStore derived) {
        this.derived = derived;
    }

    /** The city daily values of {@code from … to} per city that has rows ({@code cities} null = all). */
    public Map<String, StationDaily> cityDays(Collection<String> cities, LocalDate from, LocalDate to) {
        HourGrid grid = HourGrid.of(from, to);
        Map<String, List<DerivedStore.Day>> rows = new HashMap<>();
        derived.days(DerivedStore.Scope.CITY, cities, from, to,
                d -> rows.computeIfAbsent(d.code(), k -> new ArrayList<>()).add(d));
        Map<String, StationDaily> out = new HashMap<>();
        rows.forEach((city, days) -> out.put(city, StationDaily.restored(city, StationHourSeries.Kind.CITY, grid,
                days)));
        return out;
    }

    /** One city's period evaluation; days without rows count as missing. */
    public PeriodEvaluation city(String city, LocalDate from, LocalDate to) {
        StationDaily d = cityDays(List.of(city), from, to).get(city);
        if (d == null) {
            d = StationDaily.restored(city, StationHourSeries.Kind.CITY, HourGrid.of(from, to), List.of());
        }
        return AirEvaluator.period(d, from, to);
    }

    /** Period evaluation of every city with derived days in the period. */
    public Map<String, PeriodEvaluation> cities(LocalDate from, LocalDate to) {
        Map<String, PeriodEvaluation> out = new HashMap<>();
        cityDays(null, from, to).forEach((city, days) -> out.put(city, AirEvaluator.period(days, from, to)));
        return out;
    }

    /** The ranking of the cities with data, with the change vs the same period of the previous year. */
    public AirRanking.Ranking ranking(LocalDate from, LocalDate to, AirRanking.By by) {
        LocalDate[] prev = AirRanking.samePeriodLastYear(from, to);
        return AirRanking.rank(cities(from, to), cities(prev[0], prev[1]), by);
    }
}
