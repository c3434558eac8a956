package org.envmon.evaluation;

import org.envmon.standards.air.AirEdition;
import org.envmon.standards.air.AqiIndicator;
import org.envmon.standards.air.AqiRounding;
import org.envmon.standards.air.FastAqi;
import org.envmon.standards.air.IaqiRounding;

/**
 * Hourly and daily AQI with the primary-pollutant set, on {@link FastAqi}'s exact integer IAQIs, with the rounding of
 * the FastAqi's edition and scope ({@link AqiRounding}). Same rules as
 * {@link FastAqi#hourly}/{@link FastAqi#daily} (and so {@link org.envmon.standards.air.AirQualityIndex}); the tests
 * compare all three. Result packed in an int: {@code −1} = no AQI, else bits 0–15 the AQI and bits 16–21 the
 * primary pollutants by {@link AirPollutants} index (only when AQI &gt; 50; ties all set).
 */
final class AqiKernel {

    static final int NONE = -1;
    private static final long L800 = 800L * FastAqi.SCALE;

    private AqiKernel() {
    }

    static int aqi(int packed) {
        return packed < 0 ? -1 : packed & 0xFFFF;
    }

    static int primaryMask(int packed) {
        return packed < 0 ? 0 : packed >>> 16;
    }

    /** Real-time AQI from six 1-h values (PM on the 24-h rows, O3 1-h row); {@code so2_24h} for the 2012 rule. */
    static int hourly(FastAqi f, long so2, long no2, long pm10, long pm25, long co, long o3, long so2_24h) {
        boolean e2026 = f.edition() == AirEdition.E2026;
        AqiRounding r = f.realTimeRounding();
        IaqiRounding ir = r.iaqi();
        int i0 = -1;
        long s = r.scored(so2, false);
        if (s >= 0) {
            if (s <= L800) {
                i0 = f.iaqi(AqiIndicator.SO2_1H, s, ir);
            } else if (e2026) {
                i0 = 200;
            } else {
                i0 = f.iaqi(AqiIndicator.SO2_24H, r.scored(so2_24h, false), ir);
            }
        }
        int i1 = f.iaqi(AqiIndicator.NO2_1H, r.scored(no2, false), ir);
        int i2 = f.iaqi(AqiIndicator.PM10_24H, r.scored(pm10, false), ir);
        int i3 = f.iaqi(AqiIndicator.PM25_24H, r.scored(pm25, false), ir);
        int i4 = f.iaqi(AqiIndicator.CO_1H, r.scored(co, true), ir);
        int i5 = f.iaqi(AqiIndicator.O3_1H, r.scored(o3, false), ir);
        return pack(i0, i1, i2, i3, i4, i5);
    }

    /** Daily AQI from 24-h means, O3 daily max 1-h (2012 only) and O3 daily max 8-h. */
    static int daily(FastAqi f, long so2, long no2, long pm10, long pm25, long co, long o3_1h, long o3_8h) {
        boolean e2026 = f.edition() == AirEdition.E2026;
        AqiRounding r = f.dailyRounding();
        IaqiRounding ir = r.iaqi();
        int i0 = f.iaqi(AqiIndicator.SO2_24H, r.scored(so2, false), ir);
        int i1 = f.iaqi(AqiIndicator.NO2_24H, r.scored(no2, false), ir);
        int i2 = f.iaqi(AqiIndicator.PM10_24H, r.scored(pm10, false), ir);
        int i3 = f.iaqi(AqiIndicator.PM25_24H, r.scored(pm25, false), ir);
        int i4 = f.iaqi(AqiIndicator.CO_24H, r.scored(co, true), ir);
        int i5 = e2026 ? -1 : f.iaqi(AqiIndicator.O3_1H, r.scored(o3_1h, false), ir);
        long o3 = r.scored(o3_8h, false);
        if (o3 >= 0) {
            if (o3 <= L800) {
                i5 = Math.max(i5, f.iaqi(AqiIndicator.O3_8H, o3, ir));
            } else if (e2026) {
                i5 = Math.max(i5, 300);
            }
        }
        return pack(i0, i1, i2, i3, i4, i5);
    }

    private static int pack(int i0, int i1, int i2, int i3, int i4, int i5) {
        int max = Math.max(Math.max(Math.max(i0, i1), Math.max(i2, i3)), Math.max(i4, i5));
        if (max < 0) {
            return NONE;
        }
        int mask = 0;
        if (max > 50) {
            mask = (i0 == max ? 1 : 0) | (i1 == max ? 2 : 0) | (i2 == max ? 4 : 0) | (i3 == max ? 8 : 0)
                    | (i4 == max ? 16 : 0) | (i5 == max ? 32 : 0);
        }
        return mask << 16 | max;
    }
}
