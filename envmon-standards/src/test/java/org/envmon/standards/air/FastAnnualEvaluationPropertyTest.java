package org.envmon.standards.air;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.envmon.standards.air.AirQualityEvaluation.DailyValues;
import org.envmon.standards.air.AirQualityEvaluation.ExceptionalEvents;
import org.envmon.standards.air.AirQualityEvaluation.PeriodEvaluation;

/** The fast annual path equals the BigDecimal reference on random years (gaps, dust days, both editions). */
class FastAnnualEvaluationPropertyTest {

    @Property(tries = 60)
    void fastEqualsReference(@ForAll long seed, @ForAll @IntRange(min = 0, max = 30) int missingPct,
            @ForAll boolean e2026, @ForAll boolean exclude, @ForAll boolean withO31h, @ForAll boolean tail) {
        SplittableRandom r = new SplittableRandom(seed);
        AirEdition ed = e2026 ? AirEdition.E2026 : AirEdition.E2012;
        Gb3095Stage stage = e2026 ? Gb3095Stage.GB3095_2026_FINAL : Gb3095Stage.GB3095_2012;
        LocalDate first = LocalDate.of(2024, 1, 1);
        int n = tail ? 366 : 20 + r.nextInt(300);
        long[][] v = new long[6][n];
        long[] o31 = withO31h ? new long[n] : null;
        boolean[] ex = new boolean[n];
        List<DailyValues> days = new ArrayList<>();
        int[] max = {60_000, 150_000, 700_000, 520_000, 8_000, 900_000};
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < 6; p++) {
                long x = r.nextInt(100) < missingPct / 6 ? -1 : r.nextInt(max[p]);
                if (r.nextInt(4) == 0 && x >= 0) {
                    x = x / 1000 * 1000; // integers, as published
                }
                v[p][i] = x;
            }
            if (o31 != null) {
                o31[i] = r.nextInt(10) == 0 ? -1 : r.nextInt(1_300_000);
            }
            ex[i] = r.nextInt(20) == 0;
            days.add(new DailyValues(first.plusDays(i), dec(v[0][i]), dec(v[1][i]), dec(v[2][i]), dec(v[3][i]),
                    dec(v[4][i]), dec(v[5][i]), o31 == null ? null : dec(o31[i]), ex[i]));
        }
        ExceptionalEvents policy = exclude ? ExceptionalEvents.EXCLUDE_PARTICULATES : ExceptionalEvents.INCLUDE;
        PeriodEvaluation ref = AirQualityEvaluation.evaluate(ed, stage, days, policy);
        PeriodEvaluation fast = FastAnnualEvaluation.evaluate(ed, stage, first, v, o31, ex, policy);
        assertThat(fast.statistics()).hasSameSizeAs(ref.statistics());
        for (int i = 0; i < ref.statistics().size(); i++) {
            var a = ref.statistics().get(i);
            var b = fast.statistics().get(i);
            assertThat(b.key()).isEqualTo(a.key());
            assertThat(b.statistic()).isEqualTo(a.statistic());
            assertThat(b.validDays()).isEqualTo(a.validDays());
            assertThat(b.complete()).as(a.key() + " complete").isEqualTo(a.complete());
            same(b.exact(), a.exact());
            same(b.value(), a.value());
            assertThat(b.compliantClass2()).isEqualTo(a.compliantClass2());
        }
        assertThat(fast.aqiValidDays()).isEqualTo(ref.aqiValidDays());
        assertThat(fast.goodDays()).isEqualTo(ref.goodDays());
        assertThat(fast.heavyDays()).isEqualTo(ref.heavyDays());
        same(fast.composite().total(), ref.composite().total());
    }

    @Property(tries = 200)
    void fastPercentileEqualsAnnexA(@ForAll long seed, @ForAll @IntRange(min = 1, max = 1500) int n,
            @ForAll @IntRange(max = 100) int p) {
        SplittableRandom r = new SplittableRandom(seed);
        long[] a = new long[n];
        List<BigDecimal> ref = new ArrayList<>();
        int range = 1 + r.nextInt(1_000_000);
        for (int i = 0; i < n; i++) {
            a[i] = r.nextInt(range);
            ref.add(BigDecimal.valueOf(a[i], 3));
        }
        assertThat(FastAnnualEvaluation.percentile(a, n, p))
                .isEqualByComparingTo(AirQualityEvaluation.percentile(ref, p));
    }

    static void same(Optional<BigDecimal> a, Optional<BigDecimal> b) {
        assertThat(a.isPresent()).isEqualTo(b.isPresent());
        a.ifPresent(x -> assertThat(x).isEqualByComparingTo(b.get()));
    }

    static BigDecimal dec(long milli) {
        return milli < 0 ? null : BigDecimal.valueOf(milli, 3);
    }
}
