package org.envmon.standards.air;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every breakpoint of both editions, and its neighbours (1 unit below, at, 1 unit above; for CO 0.1 mg/m³), against
 * an independent transcription of the digest's tables (§1A.1 HJ 633-2012 Table 1, §1B.1 HJ 633-2026 Table 3).
 */
class AqiBreakpointsTest {

    static final int[] I = {0, 50, 100, 150, 200, 300, 400, 500};

    /** Transcribed from the digest, independent of {@link AqiBreakpoints}. */
    static int[] digest(AirEdition e, AqiIndicator r) {
        boolean y26 = e == AirEdition.E2026;
        return switch (r) {
            case SO2_24H -> new int[] {0, 50, 150, 475, 800, 1600, 2100, 2620};
            case SO2_1H -> new int[] {0, 150, 500, 650, 800};
            case NO2_24H -> new int[] {0, 40, 80, 180, 280, 565, 750, 940};
            case NO2_1H -> new int[] {0, 100, 200, 700, 1200, 2340, 3090, 3840};
            case PM10_24H -> new int[] {0, 50, y26 ? 120 : 150, 250, 350, 420, 500, 600};
            case CO_24H -> new int[] {0, 2, 4, 14, 24, 36, 48, 60};
            case CO_1H -> new int[] {0, 5, 10, 35, 60, 90, 120, 150};
            case O3_1H -> new int[] {0, 160, 200, 300, 400, 800, 1000, 1200};
            case O3_8H -> new int[] {0, 100, 160, 215, 265, 800};
            case PM25_24H -> new int[] {0, 35, y26 ? 60 : 75, 115, 150, 250, 350, 500};
        };
    }

    /** Independent exact expectation: I_lo + ceil(ΔI (c − lo) / ΔBP), with c in tenths. */
    static int expected(int[] bp, long tenths) {
        for (int i = 0; i + 1 < bp.length; i++) {
            if (tenths <= bp[i + 1] * 10L) {
                long num = (I[i + 1] - I[i]) * (tenths - bp[i] * 10L);
                long den = (bp[i + 1] - bp[i]) * 10L;
                return I[i] + (int) ((num + den - 1) / den);
            }
        }
        return 500;
    }

    @TestFactory
    Stream<DynamicTest> everyBreakpointAndNeighbours() {
        List<DynamicTest> tests = new ArrayList<>();
        for (AirEdition e : AirEdition.values()) {
            for (AqiIndicator r : AqiIndicator.values()) {
                int[] bp = digest(e, r);
                assertThat(AqiBreakpoints.of(e).concentrations(r)).as(e + " " + r).containsExactly(bp);
                long step = r.pollutant() == Pollutant.CO ? 1 : 10; // tenths: CO 0.1 mg/m3, others 1 ug/m3
                for (int i = 0; i < bp.length; i++) {
                    long at = bp[i] * 10L;
                    int idx = i;
                    tests.add(DynamicTest.dynamicTest(e + " " + r + " at " + bp[i], () ->
                            assertThat(iaqi(e, r, at)).isEqualTo(I[idx])));
                    if (i > 0) {
                        tests.add(DynamicTest.dynamicTest(e + " " + r + " below " + bp[i], () -> {
                            int v = iaqi(e, r, at - step);
                            assertThat(v).isEqualTo(expected(bp, at - step)).isLessThanOrEqualTo(I[idx])
                                    .isGreaterThan(I[idx - 1]);
                        }));
                    }
                    boolean fullRow = bp.length == 8;
                    if (i + 1 < bp.length || fullRow) {
                        tests.add(DynamicTest.dynamicTest(e + " " + r + " above " + bp[i], () -> {
                            int v = iaqi(e, r, at + step);
                            assertThat(v).isEqualTo(expected(bp, at + step)).isGreaterThan(idx == 7 ? 499 : I[idx]);
                        }));
                    }
                }
            }
        }
        return tests.stream();
    }

    private static int iaqi(AirEdition e, AqiIndicator r, long tenths) {
        int ref = AirQualityIndex.iaqi(e, r, BigDecimal.valueOf(tenths, 1));
        assertThat(FastAqi.of(e).iaqi(r, tenths * 100)).as("fast path").isEqualTo(ref);
        return ref;
    }
}
