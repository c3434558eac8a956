package org.envmon.standards.water;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.Scale;

/** Monotonicity: making any parameter worse never makes a class better (digest §5.2 single-factor rule). */
class SurfaceWaterPropertiesTest {

    private static BigDecimal worsen(WaterParameter p, BigDecimal v, BigDecimal delta) {
        switch (p.limit()) {
            case AT_LEAST:
                return v.subtract(delta).max(BigDecimal.ZERO);
            case RANGE: {
                BigDecimal seven = BigDecimal.valueOf(7);
                BigDecimal moved = v.compareTo(seven) >= 0 ? v.add(delta) : v.subtract(delta);
                return moved.max(BigDecimal.ZERO).min(BigDecimal.valueOf(14));
            }
            default:
                return v.add(delta);
        }
    }

    @Provide
    Arbitrary<Map<WaterParameter, BigDecimal>> samples() {
        Arbitrary<BigDecimal> conc = Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("50"))
                .ofScale(4);
        Arbitrary<BigDecimal> ph = Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("14"))
                .ofScale(2);
        Arbitrary<WaterParameter> params = Arbitraries.of(WaterParameter.class);
        return Combinators.combine(params.set().ofMinSize(1).ofMaxSize(8), conc.list().ofSize(8), ph)
                .as((set, vals, phv) -> {
                    Map<WaterParameter, BigDecimal> m = new EnumMap<>(WaterParameter.class);
                    int i = 0;
                    for (WaterParameter p : set) {
                        m.put(p, p == WaterParameter.PH ? phv : vals.get(i++));
                    }
                    return m;
                });
    }

    @Property(tries = 400)
    void sectionClassNeverImprovesWhenAParameterWorsens(@ForAll("samples") Map<WaterParameter, BigDecimal> sample,
            @ForAll @BigRange(min = "0", max = "20") @Scale(3) BigDecimal delta, @ForAll Waterbody wb,
            @ForAll EvaluationScope scope) {
        SectionClassResult before = SurfaceWaterClassification.classifySection(sample, wb, scope);
        for (WaterParameter p : sample.keySet()) {
            Map<WaterParameter, BigDecimal> worse = new EnumMap<>(sample);
            worse.put(p, worsen(p, sample.get(p), delta));
            SectionClassResult after = SurfaceWaterClassification.classifySection(worse, wb, scope);
            assertThat(after.classOf(p).orElseThrow()).isGreaterThanOrEqualTo(before.classOf(p).orElseThrow());
            before.sectionClass().ifPresent(b -> assertThat(after.sectionClass().orElseThrow())
                    .isGreaterThanOrEqualTo(b));
        }
    }

    @Property(tries = 200)
    void addingAParameterNeverImprovesTheClass(@ForAll("samples") Map<WaterParameter, BigDecimal> sample,
            @ForAll WaterParameter extra, @ForAll @BigRange(min = "0", max = "14") @Scale(3) BigDecimal value,
            @ForAll Waterbody wb) {
        SectionClassResult before = SurfaceWaterClassification.classifySection(sample, wb);
        Map<WaterParameter, BigDecimal> more = new EnumMap<>(sample);
        more.putIfAbsent(extra, value);
        SectionClassResult after = SurfaceWaterClassification.classifySection(more, wb);
        before.sectionClass().ifPresent(b -> assertThat(after.sectionClass().orElseThrow())
                .isGreaterThanOrEqualTo(b));
    }

    @Property(tries = 200)
    void lakeTpIsNeverBetterThanRiverTp(@ForAll @BigRange(min = "0", max = "1") @Scale(5) BigDecimal tp) {
        assertThat(SurfaceWaterClassification.classify(WaterParameter.TP, tp, Waterbody.LAKE_RESERVOIR))
                .isGreaterThanOrEqualTo(SurfaceWaterClassification.classify(WaterParameter.TP, tp, Waterbody.RIVER));
    }

    @Property(tries = 200)
    void sectionIsWorseThanIiiExactlyWhenACountedParameterIs(
            @ForAll("samples") Map<WaterParameter, BigDecimal> sample, @ForAll Waterbody wb) {
        SectionClassResult r = SurfaceWaterClassification.classifySection(sample, wb);
        boolean anyWorse = r.countedParameters().stream()
                .anyMatch(p -> r.classOf(p).orElseThrow().isWorseThan(WaterClass.III));
        assertThat(r.sectionClass().map(c -> c.isWorseThan(WaterClass.III)).orElse(false)).isEqualTo(anyWorse);
        // every listed exceedance is a counted "≤" parameter worse than III with a positive multiple
        for (Exceedance e : r.exceedances()) {
            assertThat(r.countedParameters()).contains(e.parameter());
            assertThat(e.parameter().hasExceedanceMultiple()).isTrue();
            assertThat(e.multiple().signum()).isPositive();
            assertThat(r.classOf(e.parameter()).orElseThrow()).isGreaterThan(WaterClass.III);
        }
    }
}
