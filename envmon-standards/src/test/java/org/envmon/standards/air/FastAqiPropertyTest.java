package org.envmon.standards.air;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * The fast scaled-integer path equals the BigDecimal reference for every edition and scope (station: carried up;
 * 2012 city real-time: half up, {@link AqiRounding}); IAQI is monotone.
 */
class FastAqiPropertyTest {

    @Provide
    Arbitrary<Long> milli() {
        // mostly realistic values, sometimes integers (exact breakpoints, IAQI x.5 on many segments), sometimes
        // a concentration ending in exactly .5 or .05 (the rounding ties), sometimes missing
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, Arbitraries.longs().between(0, 1_300_000)),
                net.jqwik.api.Tuple.of(2, Arbitraries.longs().between(0, 4000).map(v -> v * 1000)),
                net.jqwik.api.Tuple.of(1, Arbitraries.longs().between(0, 13_000).map(v -> v * 100 + 50)),
                net.jqwik.api.Tuple.of(1, Arbitraries.longs().between(0, 4_000_000)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(FastAqi.MISSING)));
    }

    @Property(tries = 3000)
    void hourlyFastEqualsReference(@ForAll("milli") long so2, @ForAll("milli") long no2, @ForAll("milli") long pm10,
            @ForAll("milli") long pm25, @ForAll("milli") long co, @ForAll("milli") long o3,
            @ForAll("milli") long so224, @ForAll boolean e2026, @ForAll AqiScope scope) {
        AirEdition e = e2026 ? AirEdition.E2026 : AirEdition.E2012;
        long coScaled = co < 0 ? co : co / 10; // CO lives in mg/m3: keep it in a realistic range
        AqiResult ref = AirQualityIndex.hourly(e, scope, new AirQualityIndex.HourlyInput(dec(so2), dec(no2),
                dec(pm10), dec(pm25), dec(coScaled), dec(o3), null, dec(so224)));
        int fast = FastAqi.of(e, scope).hourly(so2, no2, pm10, pm25, coScaled, o3, so224);
        assertThat(fast).isEqualTo(ref.aqi().orElse(-1));
        if (scope == AqiScope.STATION) {
            assertThat(AirQualityIndex.hourly(e, new AirQualityIndex.HourlyInput(dec(so2), dec(no2), dec(pm10),
                    dec(pm25), dec(coScaled), dec(o3), null, dec(so224))).aqi()).isEqualTo(ref.aqi());
        }
    }

    @Property(tries = 2000)
    void dailyFastEqualsReference(@ForAll("milli") long so2, @ForAll("milli") long no2, @ForAll("milli") long pm10,
            @ForAll("milli") long pm25, @ForAll("milli") long co, @ForAll("milli") long o31h,
            @ForAll("milli") long o38h, @ForAll boolean e2026, @ForAll AqiScope scope) {
        AirEdition e = e2026 ? AirEdition.E2026 : AirEdition.E2012;
        long coScaled = co < 0 ? co : co / 10;
        AqiResult ref = AirQualityIndex.daily(e, scope, new AirQualityIndex.DailyInput(dec(so2), dec(no2), dec(pm10),
                dec(pm25), dec(coScaled), dec(o31h), dec(o38h)));
        int fast = FastAqi.of(e, scope).daily(so2, no2, pm10, pm25, coScaled, o31h, o38h);
        assertThat(fast).isEqualTo(ref.aqi().orElse(-1));
    }

    @Property(tries = 3000)
    void iaqiFastEqualsReference(@ForAll("milli") long c, @ForAll @IntRange(max = 9) int rowIndex,
            @ForAll boolean e2026, @ForAll IaqiRounding rounding) {
        AirEdition e = e2026 ? AirEdition.E2026 : AirEdition.E2012;
        AqiIndicator row = AqiIndicator.values()[rowIndex];
        if (c < 0 || (AqiBreakpoints.of(e).size(row) < 8 && c > 800_000)) {
            return;
        }
        int ref = AirQualityIndex.iaqi(e, rounding, row, dec(c));
        assertThat(FastAqi.of(e).iaqi(row, c, rounding)).isEqualTo(ref);
        if (rounding == IaqiRounding.CEILING) {
            assertThat(FastAqi.of(e).iaqi(row, c)).isEqualTo(ref);
        }
    }

    @Property(tries = 3000)
    void halfUpIsAtMostTheCeilingAndAtMostOneBelow(@ForAll("milli") long c, @ForAll @IntRange(max = 9) int rowIndex,
            @ForAll boolean e2026) {
        AirEdition e = e2026 ? AirEdition.E2026 : AirEdition.E2012;
        AqiIndicator row = AqiIndicator.values()[rowIndex];
        if (c < 0 || (AqiBreakpoints.of(e).size(row) < 8 && c > 800_000)) {
            return;
        }
        int ceil = FastAqi.of(e).iaqi(row, c, IaqiRounding.CEILING);
        assertThat(FastAqi.of(e).iaqi(row, c, IaqiRounding.HALF_UP)).isBetween(ceil - 1, ceil);
    }

    @Property(tries = 2000)
    void iaqiIsNonDecreasing(@ForAll @LongRange(max = 4_000_000) long a, @ForAll @LongRange(max = 4_000_000) long b,
            @ForAll @IntRange(max = 9) int rowIndex, @ForAll boolean e2026, @ForAll IaqiRounding rounding) {
        AirEdition e = e2026 ? AirEdition.E2026 : AirEdition.E2012;
        AqiIndicator row = AqiIndicator.values()[rowIndex];
        long lo = Math.min(a, b);
        long hi = Math.max(a, b);
        if (AqiBreakpoints.of(e).size(row) < 8 && hi > 800_000) {
            return;
        }
        assertThat(AirQualityIndex.iaqi(e, rounding, row, dec(lo)))
                .isLessThanOrEqualTo(AirQualityIndex.iaqi(e, rounding, row, dec(hi)));
    }

    @Property(tries = 1000)
    void hourlyAqiNonDecreasingInEachPollutant(@ForAll @LongRange(max = 1_500_000) long a,
            @ForAll @LongRange(max = 1_500_000) long b, @ForAll @IntRange(max = 5) int which, @ForAll boolean e2026,
            @ForAll AqiScope scope) {
        AirEdition e = e2026 ? AirEdition.E2026 : AirEdition.E2012;
        long lo = Math.min(a, b);
        long hi = Math.max(a, b);
        long[] base = {10_000, 30_000, 50_000, 30_000, 800, 60_000};
        long[] x = base.clone();
        long[] y = base.clone();
        x[which] = which == 4 ? lo / 10 : lo;
        y[which] = which == 4 ? hi / 10 : hi;
        // 2012 SO2 > 800 switches to the 24-h row: supply a 24-h mean at least as high as the 800 boundary
        long so224 = 800_000;
        FastAqi f = FastAqi.of(e, scope);
        assertThat(f.hourly(x[0], x[1], x[2], x[3], x[4], x[5], so224))
                .isLessThanOrEqualTo(f.hourly(y[0], y[1], y[2], y[3], y[4], y[5], so224));
    }

    static BigDecimal dec(long milli) {
        return milli < 0 ? null : BigDecimal.valueOf(milli, 3);
    }
}
