package org.envmon.standards.air;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * The rounding of one AQI report: how the concentration is rounded before it is scored, and how the IAQI is made an
 * integer; chosen by edition, scope and report type ({@link #of}). Immutable.
 *
 * <h2>The rules</h2>
 * <table>
 *   <caption>concentration / IAQI</caption>
 *   <tr><th></th><th>station</th><th>city, real-time</th><th>city, daily</th></tr>
 *   <tr><td>2012</td><td>as given / ceiling</td><td>half up / half up</td><td>as given / ceiling</td></tr>
 *   <tr><td>2026</td><td>GB/T 8170 / ceiling</td><td>GB/T 8170 / ceiling</td><td>GB/T 8170 / ceiling</td></tr>
 * </table>
 * "As given": HJ 633-2012 is silent on the input precision; derived concentrations (daily, moving means) are passed
 * already reported per GB/T 8170, which is what the 2019 station 24-h means of the national publication show.
 */
public record AqiRounding(ConcentrationRounding concentration, IaqiRounding iaqi) {

    /** How a concentration is rounded to its reported precision ({@link Pollutant#reportedDecimals}) before scoring. */
    public enum ConcentrationRounding {
        /** Scored as passed. */
        AS_GIVEN(null),
        /** GB/T 8170 修约, half to even. */
        GBT8170(RoundingMode.HALF_EVEN),
        /** Half up (an exact trailing 5 rounds away from zero). */
        HALF_UP(RoundingMode.HALF_UP);

        private final RoundingMode mode;

        ConcentrationRounding(RoundingMode mode) {
            this.mode = mode;
        }

        /** {@code c} rounded to {@code decimals} places, or {@code c} itself for {@link #AS_GIVEN}. */
        public BigDecimal round(BigDecimal c, int decimals) {
            return mode == null ? c : c.setScale(decimals, mode);
        }

        /**
         * The mean {@code sumMilli / n} of milli-unit values (thousandths of the table unit) rounded once, from the
         * exact sum, to {@code decimals} (0 to 3) places, in milli units. {@link #AS_GIVEN} keeps 3 decimals (half
         * to even), the precision of the fast path.
         */
        public long roundMean(long sumMilli, long n, int decimals) {
            if (sumMilli < 0 || n <= 0) {
                throw new IllegalArgumentException("mean of " + sumMilli + " / " + n);
            }
            long unit = this == AS_GIVEN ? 1 : POW10[3 - decimals];
            long den = n * unit;
            long q = sumMilli / den;
            long twice = 2 * (sumMilli - q * den);
            boolean up = this == HALF_UP ? twice >= den : twice > den || (twice == den && (q & 1) == 1);
            return (up ? q + 1 : q) * unit;
        }

        private static final long[] POW10 = {1, 10, 100, 1000};
    }

    private static final AqiRounding STATION_2012 = new AqiRounding(ConcentrationRounding.AS_GIVEN,
            IaqiRounding.CEILING);
    /*
     * HJ 633-2012 §6.2 says the IAQI is "全部进位取整数" (read as carried up). The national real-time city
     * publication (CNEMC, 2019) instead publishes the city concentration as the mean of the assessment stations
     * rounded half up, and the city IAQI as the interpolation on that rounded concentration rounded half up; its
     * station AQI keeps the carry-up. EnvMon follows the publication for the city real-time report.
     */
    private static final AqiRounding CITY_REAL_TIME_2012 = new AqiRounding(ConcentrationRounding.HALF_UP,
            IaqiRounding.HALF_UP);
    /** HJ 633-2026 §4.2.2/§4.2.3 (GB/T 8170 before scoring) and §4.2.6 (carried up), every scope and report. */
    private static final AqiRounding ALL_2026 = new AqiRounding(ConcentrationRounding.GBT8170, IaqiRounding.CEILING);

    public AqiRounding {
        Objects.requireNonNull(concentration, "concentration");
        Objects.requireNonNull(iaqi, "iaqi");
    }

    /**
     * The rules of a report. 2012 city daily: the publication's city daily values are not in the data EnvMon was
     * checked against, so the text (carried up) and the station practice (GB/T 8170 24-h means) apply.
     */
    public static AqiRounding of(AirEdition edition, AqiScope scope, AqiResult.ReportType report) {
        if (edition == AirEdition.E2026) {
            return ALL_2026;
        }
        return scope == AqiScope.CITY && report == AqiResult.ReportType.REAL_TIME ? CITY_REAL_TIME_2012
                : STATION_2012;
    }

    /** The concentration actually scored. */
    public BigDecimal scored(Pollutant p, BigDecimal c) {
        return concentration.round(c, p.reportedDecimals());
    }

    /** The concentration actually scored, milli units ({@code milli ≥ 0}; CO to 1 decimal, others integers). */
    public long scored(long milli, boolean co) {
        return milli < 0 || concentration == ConcentrationRounding.AS_GIVEN ? milli
                : concentration.roundMean(milli, 1, co ? 1 : 0);
    }
}
