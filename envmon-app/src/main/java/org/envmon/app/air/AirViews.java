package org.envmon.app.air;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.envmon.evaluation.AirRanking;
import org.envmon.evaluation.HourGrid;
import org.envmon.evaluation.air.AirEvaluationService;
import org.envmon.evaluation.air.AirTarget;
import org.envmon.standards.air.AirEdition;
import org.envmon.standards.air.AirQualityEvaluation.PeriodEvaluation;
import org.envmon.standards.air.AirQualityEvaluation.PeriodStatistic;
import org.envmon.standards.air.AqiLevel;
import org.envmon.standards.air.AqiResult;
import org.envmon.standards.air.SubIndex;

/** JSON shapes of the air evaluation API. Times in Beijing time (+08:00), dates are Beijing natural days. */
public final class AirViews {

    /** A concentration as JSON shows it: no trailing zeros, never in exponent form (50, not 5E+1). */
    public static BigDecimal plain(BigDecimal v) {
        BigDecimal t = v.stripTrailingZeros();
        return t.scale() < 0 ? t.setScale(0) : t;
    }
    private AirViews() {
    }

    static OffsetDateTime out(Instant t) {
        return t == null ? null : t.atOffset(HourGrid.BEIJING);
    }

    /** The edition a result was computed under. */
    public record EditionView(String code, String standards) {
        public static EditionView of(AirEdition e) {
            return new EditionView(e.code(), e.standards());
        }
    }

    /** What a request was about. */
    public record TargetView(String type, String code, String name, String city, int stations) {
        public static TargetView of(AirTarget t) {
            return new TargetView(t.type(), t.code(), t.name(), t.city(), t.stations().size());
        }
    }

    /**
     * One hour or day. {@code aqi}/{@code level}/{@code category} are null when no pollutant was available;
     * {@code iaqi} and {@code concentrations} are keyed by input (so2, no2, pm10, pm25, co, o3, o3_8h, o3_1h):
     * concentrations as scored (µg/m³, CO mg/m³); {@code stations}: stations averaged (city), 1 for a site.
     */
    public record AqiEntry(OffsetDateTime time, LocalDate date, Integer aqi, Integer level, String levelName,
            String category, String categoryEn, String colour, List<String> primaryPollutants,
            Map<String, Integer> iaqi, Map<String, BigDecimal> concentrations, List<String> missing,
            boolean publishable, int stations, String edition) {

        public static AqiEntry of(Instant hour, LocalDate day, AqiResult r, int stations) {
            Integer aqi = r.aqi().isPresent() ? r.aqi().getAsInt() : null;
            AqiLevel l = r.level().orElse(null);
            Map<String, Integer> iaqi = new LinkedHashMap<>();
            Map<String, BigDecimal> conc = new LinkedHashMap<>();
            for (SubIndex s : r.subIndices().values()) {
                iaqi.put(s.key(), s.iaqi());
                conc.put(s.key(), plain(s.scored()));
            }
            return new AqiEntry(out(hour), day, aqi, l == null ? null : l.number(), l == null ? null : l.levelZh(),
                    l == null ? null : l.categoryZh(), l == null ? null : l.categoryEn(), l == null ? null : l.hex(),
                    r.primaryKeys(), iaqi, conc, new ArrayList<>(new java.util.TreeSet<>(r.missing())),
                    r.publishable(), stations, r.edition().code());
        }
    }

    /** {@code GET /aqi/hourly} and {@code /aqi/daily}. */
    public record AqiSeriesView(TargetView target, String report, Object from, Object to, List<EditionView> editions,
            List<AqiEntry> values) {
    }

    public static AqiSeriesView hourly(AirTarget t, Instant from, Instant to,
            List<AirEvaluationService.Hour> hours) {
        List<AqiEntry> v = hours.stream().map(h -> AqiEntry.of(h.start(), null, h.report(), h.stations())).toList();
        return new AqiSeriesView(TargetView.of(t), "hourly", out(from), out(to),
                editions(hours.stream().map(h -> h.report().edition()).toList()), v);
    }

    public static AqiSeriesView daily(AirTarget t, LocalDate from, LocalDate to,
            List<AirEvaluationService.Day> days) {
        List<AqiEntry> v = days.stream().map(d -> AqiEntry.of(null, d.date(), d.report(), d.stations())).toList();
        return new AqiSeriesView(TargetView.of(t), "daily", from, to,
                editions(days.stream().map(d -> d.report().edition()).toList()), v);
    }

    private static List<EditionView> editions(List<AirEdition> used) {
        return used.stream().distinct().sorted().map(EditionView::of).toList();
    }

    /** One HJ 663 statistic. */
    public record StatisticView(String pollutant, String key, String statistic, int validDays, BigDecimal value,
            BigDecimal limitClass2, BigDecimal limitClass1, boolean complete, Boolean compliantClass2,
            Boolean compliantClass1) {
        public static StatisticView of(PeriodStatistic s) {
            return new StatisticView(s.pollutant().key(), s.key(), s.statistic(), s.validDays(),
                    s.value().orElse(null), s.limitClass2(), s.limitClass1(), s.complete(),
                    s.compliantClass2().orElse(null), s.compliantClass1().orElse(null));
        }
    }

    /** The composite index (综合指数): I_sum and the single indices I_i. */
    public record CompositeView(BigDecimal total, Map<String, BigDecimal> single, String primary, String weights) {
    }

    /** {@code GET /cities/{city}/evaluation}. */
    public record PeriodView(String city, LocalDate from, LocalDate to, int days, EditionView edition, String stage,
            int stations, int aqiValidDays, int goodDays, int heavyDays, BigDecimal goodDaysRatio,
            BigDecimal heavyDaysRatio, Boolean compliantClass2, CompositeView composite,
            List<StatisticView> statistics) {

        public static PeriodView of(String city, int stations, LocalDate from, LocalDate to, PeriodEvaluation e) {
            Map<String, BigDecimal> single = new LinkedHashMap<>();
            e.composite().single().forEach((p, v) -> single.put(p.key(), v));
            CompositeView c = new CompositeView(e.composite().total().orElse(null), single,
                    e.composite().primary().map(p -> p.key()).orElse(null), e.composite().weights().name());
            return new PeriodView(city, from, to, (int) (to.toEpochDay() - from.toEpochDay()) + 1,
                    EditionView.of(e.edition()), e.stage().name(), stations, e.aqiValidDays(), e.goodDays(),
                    e.heavyDays(), e.goodDaysRatio().orElse(null), e.heavyDaysRatio().orElse(null),
                    e.compliantClass2().orElse(null), c, e.statistics().stream().map(StatisticView::of).toList());
        }
    }

    /** One ranked city; {@code change}: % for composite and pm25, percentage points for good_days. */
    public record RankedCityView(int rank, String city, BigDecimal value, BigDecimal previous, BigDecimal change) {
    }

    /** {@code GET /rankings/cities}. */
    public record RankingView(String by, String order, LocalDate from, LocalDate to, LocalDate previousFrom,
            LocalDate previousTo, EditionView edition, int cities, List<RankedCityView> ranking,
            List<String> unranked) {

        public static RankingView of(LocalDate from, LocalDate to, AirEvaluationService.CityRanking r) {
            AirRanking.By by = r.ranking().by();
            List<RankedCityView> list = r.ranking().ranked().stream().map(c -> new RankedCityView(c.rank(), c.city(),
                    c.value(), c.previous().orElse(null), c.change().orElse(null))).toList();
            return new RankingView(by.name().toLowerCase(java.util.Locale.ROOT),
                    by.descending() ? "descending" : "ascending", from, to, r.previousFrom(), r.previousTo(),
                    EditionView.of(AirEdition.forPeriodEnding(to)), r.cities(), list, r.ranking().unranked());
        }
    }
}
