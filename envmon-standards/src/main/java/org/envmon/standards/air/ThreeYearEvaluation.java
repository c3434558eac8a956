package org.envmon.standards.air;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Three-year moving evaluation (三年滑动平均), introduced by HJ 663-2026 (digest §2B [reported, existence only]).
 * Decision until the text is read: for each statistic (annual mean or percentile) the arithmetic mean of the three
 * consecutive years' <em>unrounded</em> values, rounded once per GB/T 8170; it exists only when all three years
 * are complete; compliance is judged against the limit of the stage in force on the window's last day. It
 * supplements the single-year evaluation.
 */
public final class ThreeYearEvaluation {

    private ThreeYearEvaluation() {
    }

    /** Three-year statistic with compliance. */
    public record Statistic(Pollutant pollutant, String key, String statistic, Optional<BigDecimal> value,
            BigDecimal limitClass2, Optional<Boolean> compliantClass2) {
    }

    /**
     * @param years three consecutive evaluations, oldest first; the last one's stage supplies the limits
     */
    public static List<Statistic> evaluate(List<AirQualityEvaluation.PeriodEvaluation> years) {
        if (years.size() != 3) {
            throw new IllegalArgumentException("need 3 years, got " + years.size());
        }
        AirQualityEvaluation.PeriodEvaluation last = years.get(2);
        List<Statistic> out = new ArrayList<>();
        for (int i = 0; i < last.statistics().size(); i++) {
            AirQualityEvaluation.PeriodStatistic ref = last.statistics().get(i);
            BigDecimal sum = BigDecimal.ZERO;
            boolean ok = true;
            for (AirQualityEvaluation.PeriodEvaluation y : years) {
                AirQualityEvaluation.PeriodStatistic s = y.statistics().get(i);
                if (!s.complete() || s.exact().isEmpty()) {
                    ok = false;
                    break;
                }
                sum = sum.add(s.exact().get());
            }
            Optional<BigDecimal> v = ok ? Optional.of(sum.divide(BigDecimal.valueOf(3),
                    ref.pollutant().reportedDecimals(), RoundingMode.HALF_EVEN)) : Optional.empty();
            out.add(new Statistic(ref.pollutant(), ref.key(), ref.statistic(), v, ref.limitClass2(),
                    v.map(x -> x.compareTo(ref.limitClass2()) <= 0)));
        }
        return out;
    }
}
