package org.envmon.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.envmon.standards.air.AirEdition;
import org.envmon.standards.air.AirQualityIndex;
import org.envmon.standards.air.AqiResult;
import org.envmon.standards.air.AqiScope;
import org.envmon.standards.air.FastAqi;
import org.envmon.standards.air.Pollutant;
import org.junit.jupiter.api.Test;

/**
 * The kernel (AQI + primary set) equals FastAqi and the exact reference on random inputs, both editions and both
 * scopes (station, city).
 */
class AqiKernelTest {

    private static long v(SplittableRandom r, int maxUnits, boolean co) {
        if (r.nextInt(12) == 0) {
            return FastAqi.MISSING;
        }
        // mostly realistic, sometimes above the tables; 3 decimals; exact breakpoints and .5 ties now and then
        long milli = r.nextInt(4) == 0 ? r.nextLong(maxUnits * 3000L) : r.nextLong(maxUnits * 1000L);
        if (r.nextInt(5) == 0) {
            milli = milli / 1000 * 1000 + (co ? 50 : 500);
        }
        return milli;
    }

    private static BigDecimal dec(long m) {
        return m < 0 ? null : BigDecimal.valueOf(m, 3);
    }

    private static int mask(AqiResult r) {
        int m = 0;
        for (String k : r.primaryKeys()) {
            Pollutant p = r.subIndices().get(k).pollutant();
            m |= 1 << AirPollutants.POLLUTANTS.indexOf(p);
        }
        return m;
    }

    @Test
    void hourlyEqualsFastAqiAndReference() {
        everyEditionAndScope(1, (r, e, scope, f) -> {
            long so2 = r.nextInt(30) == 0 ? 700_000 + r.nextLong(400_000) : v(r, 300, false);
            long no2 = v(r, 400, false);
            long pm10 = v(r, 300, false);
            long pm25 = v(r, 200, false);
            long co = v(r, 10, true);
            long o3 = v(r, 300, false);
            long so2d = v(r, 200, false);
            assertAgrees(AqiKernel.hourly(f, so2, no2, pm10, pm25, co, o3, so2d),
                    f.hourly(so2, no2, pm10, pm25, co, o3, so2d),
                    AirQualityIndex.hourly(e, scope, new AirQualityIndex.HourlyInput(dec(so2), dec(no2), dec(pm10),
                            dec(pm25), dec(co), dec(o3), null, dec(so2d))));
        });
    }

    @Test
    void dailyEqualsFastAqiAndReference() {
        everyEditionAndScope(2, (r, e, scope, f) -> {
            long so2 = v(r, 300, false);
            long no2 = v(r, 200, false);
            long pm10 = v(r, 300, false);
            long pm25 = v(r, 200, false);
            long co = v(r, 8, true);
            long o31 = v(r, 300, false);
            long o38 = r.nextInt(40) == 0 ? 790_000 + r.nextLong(30_000) : v(r, 250, false);
            assertAgrees(AqiKernel.daily(f, so2, no2, pm10, pm25, co, o31, o38),
                    f.daily(so2, no2, pm10, pm25, co, o31, o38),
                    AirQualityIndex.daily(e, scope, new AirQualityIndex.DailyInput(dec(so2), dec(no2), dec(pm10),
                            dec(pm25), dec(co), dec(o31), dec(o38))));
        });
    }

    private interface RandomCase {
        void check(SplittableRandom r, AirEdition e, AqiScope scope, FastAqi f);
    }

    /** 10,000 random cases of every edition and scope, drawn from a generator seeded with {@code seed}. */
    private static void everyEditionAndScope(long seed, RandomCase c) {
        SplittableRandom r = new SplittableRandom(seed);
        for (AirEdition e : AirEdition.values()) {
            for (AqiScope scope : AqiScope.values()) {
                FastAqi f = FastAqi.of(e, scope);
                for (int n = 0; n < 10_000; n++) {
                    c.check(r, e, scope, f);
                }
            }
        }
    }

    /** The kernel's result {@code k} has FastAqi's AQI and the reference's AQI and primary pollutants. */
    private static void assertAgrees(int k, int fastAqi, AqiResult ref) {
        assertThat(AqiKernel.aqi(k)).isEqualTo(fastAqi);
        assertThat(AqiKernel.aqi(k)).isEqualTo(ref.aqi().orElse(-1));
        assertThat(AqiKernel.primaryMask(k)).as("primary %s", ref).isEqualTo(mask(ref));
    }

    @Test
    void pollutantsOfMask() {
        List<Pollutant> l = new ArrayList<>(StationAqiSeries.pollutants(0b101000));
        assertThat(l).containsExactly(Pollutant.PM25, Pollutant.O3);
        assertThat(StationAqiSeries.pollutants(0)).isEmpty();
    }
}
