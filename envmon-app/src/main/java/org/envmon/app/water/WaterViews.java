package org.envmon.app.water;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.envmon.evaluation.WaterEvaluator;
import org.envmon.evaluation.water.WaterEvaluationService;
import org.envmon.standards.water.GroupEvaluation;
import org.envmon.standards.water.WaterClass;
import org.envmon.standards.water.WaterParameter;
import org.envmon.standards.water.WaterQualityIndex;

/** JSON shapes of the water evaluation API. Parameters are named by their column ({@code codmn}, {@code nh3n} ...). */
public final class WaterViews {
    /** The standards these results apply. */
    public static final String STANDARDS = "GB 3838-2002; 环办〔2011〕22号; 环办监测〔2017〕51号 (CWQI); GB/T 8170";

    private WaterViews() {
    }

    /** A main pollutant: item, monthly value as reported, multiple above the class III limit. */
    public record ExceedanceView(String parameter, BigDecimal value, BigDecimal classIiiLimit, BigDecimal multiple) {
    }

    /**
     * {@code GET /water/sections/{code}/class}: class (null when no counted item has a value). {@code means} are the
     * monthly means (4 decimals), {@code reported} the values as classed (rounded as {@code rounding} says).
     */
    public record SectionClassView(String section, String name, String basin, String province, String city,
            String waterbody, YearMonth month, String waterClass, String status, List<String> decidingParameters,
            List<ExceedanceView> mainPollutants, Map<String, BigDecimal> means, Map<String, BigDecimal> reported,
            Map<String, Integer> counts, Map<String, String> parameterClasses, BigDecimal cwqi, String rounding,
            String standards) {

        public static SectionClassView of(WaterEvaluationService.SectionMonth sm) {
            WaterEvaluator.SectionMonth m = sm.month();
            Map<String, BigDecimal> means = new LinkedHashMap<>();
            Map<String, BigDecimal> reported = new LinkedHashMap<>();
            Map<String, Integer> counts = new LinkedHashMap<>();
            Map<String, String> classes = new LinkedHashMap<>();
            for (WaterParameter p : WaterParameter.values()) {
                if (m.means().containsKey(p)) {
                    means.put(p.column(), m.means().get(p).setScale(4, RoundingMode.HALF_EVEN).stripTrailingZeros());
                    counts.put(p.column(), m.counts().get(p));
                    reported.put(p.column(), m.reported().get(p));
                }
                m.result().classOf(p).ifPresent(c -> classes.put(p.column(), c.label()));
            }
            List<ExceedanceView> main = m.result().mainPollutants().stream().map(e -> new ExceedanceView(
                    e.parameter().column(), e.value().setScale(4, RoundingMode.HALF_EVEN).stripTrailingZeros(),
                    e.classIiiLimit(), e.value().subtract(e.classIiiLimit())
                            .divide(e.classIiiLimit(), 2, RoundingMode.HALF_EVEN))).toList();
            return new SectionClassView(sm.site().code(), sm.site().name(), sm.site().basin(), sm.site().province(),
                    sm.site().city(), m.waterbody().code(), m.month(), m.waterClass().map(WaterClass::label)
                            .orElse(null), m.result().status().map(s -> s.label()).orElse(null),
                    m.result().decidingParameters().stream().map(WaterParameter::column).toList(), main, means,
                    reported, counts, classes, m.cwqi().map(WaterQualityIndex::display).orElse(null),
                    m.rounding().toString(), STANDARDS);
        }
    }

    /** One section in a group. */
    public record GroupSectionView(String section, String name, String waterClass) {
    }

    /** {@code GET /water/evaluation}: shares of classes (%), status, method, main pollutants. */
    public record GroupView(String by, String name, YearMonth month, int sections, int classified, String method,
            String status, Map<String, Integer> classCounts, Map<String, BigDecimal> classShares,
            BigDecimal shareAtLeastIII, BigDecimal shareWorseThanV, List<String> mainPollutants,
            List<GroupSectionView> sectionClasses, String standards) {

        public static GroupView of(WaterEvaluationService.WaterGroup g) {
            GroupEvaluation e = g.evaluation().orElse(null);
            Map<String, Integer> counts = new LinkedHashMap<>();
            Map<String, BigDecimal> shares = new LinkedHashMap<>();
            if (e != null) {
                for (WaterClass c : WaterClass.values()) {
                    int n = e.counts().get(c);
                    counts.put(c.label(), n);
                    shares.put(c.label(), e.sections() == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(100L * n)
                            .divide(BigDecimal.valueOf(e.sections()), 1, RoundingMode.HALF_EVEN));
                }
            }
            List<GroupSectionView> secs = g.sections().stream().map(s -> new GroupSectionView(s.site().code(),
                    s.site().name(), s.month().waterClass().map(WaterClass::label).orElse(null))).toList();
            return new GroupView(g.by(), g.name(), g.month(), g.sections().size(), e == null ? 0 : e.sections(),
                    e == null ? null : e.method().name(), e == null ? null : e.status().map(s -> s.label())
                            .orElse("undetermined"), counts, shares,
                    e == null ? null : e.shareAtLeastIIIPercent(1), e == null ? null : e.shareWorseThanVPercent(1),
                    g.mainPollutants().stream().map(WaterParameter::column).toList(), secs, STANDARDS);
        }
    }

    /** One city of the CWQI ranking (lower is better). */
    public record CwqiCityView(int rank, String city, BigDecimal cwqi) {
    }

    /** {@code GET /rankings/water}. */
    public record CwqiRankingView(YearMonth month, int cities, List<CwqiCityView> ranking, String standards) {
        public static CwqiRankingView of(YearMonth month, List<WaterQualityIndex.Ranked> r) {
            return new CwqiRankingView(month, r.size(), r.stream().map(x -> new CwqiCityView(x.rank(), x.city(),
                    WaterQualityIndex.display(x.index()))).toList(), STANDARDS);
        }
    }
}
