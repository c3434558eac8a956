package org.envmon.standards.air;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * HJ 633 Ambient Air Quality Index, 2012 and 2026 editions: the exact {@link BigDecimal} reference implementation.
 * Stateless; thread-safe. {@link FastAqi} is the scaled-integer fast path, proven equal by a property test.
 *
 * <h2>Rules applied (standards digest §1)</h2>
 * <ul>
 *   <li>IAQI: linear interpolation, HJ 633-2012 §4.2 formula (1) / HJ 633-2026 §4.2.4 formula (1); the segment is
 *       the first whose upper breakpoint is ≥ C (segments are continuous, so a breakpoint gives its own IAQI).
 *       The result is carried up to an integer, computed exactly as {@code ceil(ΔI·(C−BP_lo)/ΔBP)} (HJ 633-2012
 *       §6.2, HJ 633-2026 §4.2.6). AQI = max of the integer IAQIs (formula (2)). Exception, per scope
 *       ({@link AqiScope}, {@link AqiRounding}): the 2012 <em>city</em> real-time report rounds half up, as the
 *       national publication does.</li>
 *   <li>Input rounding: 2026: the concentration is first rounded per GB/T 8170 to an integer (CO 1 decimal),
 *       HJ 633-2026 §4.2.2/§4.2.3. 2012: the standard is silent (digest §1A.2 [unconfirmed]); <b>decision: a
 *       station's value is scored as given</b> (national data are published as integers, CO to 1–3 decimals, which
 *       the golden test on 2019 CNEMC data supports); a city's real-time concentration is rounded half up.</li>
 *   <li>Above the top of a row: IAQI 500 (project decision: what the national publication does). Special
 *       rows: SO2 1-h &gt; 800: 2012 uses the IAQI of the SO2 24-h (moving) mean, 2026 takes 200; O3 8-h &gt; 800:
 *       2012 computes no 8-h IAQI (O3 is reported by its 1-h IAQI), 2026 takes 300 (HJ 633-2012 Table 1 notes
 *       (2)(3); HJ 633-2026 Table 3 notes b, c).</li>
 *   <li>Real-time (hourly) report, both editions: the six 1-h values; PM10/PM2.5 1-h values on the 24-h rows,
 *       O3 on the 1-h row (project decision for 2012 = "Reading A", digest §1A.4; HJ 633-2026 §4.2.3). An
 *       {@code o3_8h} value, if given, gets an informational IAQI (HJ 633-2012 Table 4 lists it) that does not
 *       enter the AQI. {@code so2_24h} is used only for the 2012 SO2 &gt; 800 rule; PM 24-h moving means are not
 *       used. If SO2 1-h &gt; 800 under 2012 and no 24-h mean is given, SO2 counts as missing (decision).</li>
 *   <li>Daily report: 2012 has 7 indicators (5 × 24-h, O3 daily max 1-h, O3 daily max 8-h; HJ 633-2012 §5.1.2);
 *       2026 has 6 (no O3 1-h; HJ 633-2026 §4.2.2), so an {@code o3_1h} value is ignored under 2026.</li>
 *   <li>Primary pollutant only when AQI &gt; 50, ties all listed; exceeding pollutants (IAQI &gt; 100) only 2012.</li>
 * </ul>
 */
public final class AirQualityIndex {

    /** Input keys of the real-time report, in output order. */
    public static final List<String> HOURLY_KEYS = List.of("so2", "no2", "pm10", "pm25", "co", "o3", "o3_8h");
    /** Input keys of the daily report, in output order. */
    public static final List<String> DAILY_KEYS = List.of("so2", "no2", "pm10", "pm25", "co", "o3_1h", "o3_8h");

    private static final BigDecimal OVER_800 = BigDecimal.valueOf(800);

    private AirQualityIndex() {
    }

    /**
     * Real-time report inputs; {@code null} = missing. µg/m³, CO mg/m³. The first six are 1-h means.
     */
    public record HourlyInput(BigDecimal so2, BigDecimal no2, BigDecimal pm10, BigDecimal pm25, BigDecimal co,
            BigDecimal o3, BigDecimal o3_8h, BigDecimal so2_24h) {

        /** The six 1-h values only. */
        public static HourlyInput of(BigDecimal so2, BigDecimal no2, BigDecimal pm10, BigDecimal pm25,
                BigDecimal co, BigDecimal o3) {
            return new HourlyInput(so2, no2, pm10, pm25, co, o3, null, null);
        }
    }

    /**
     * Daily report inputs; {@code null} = missing. 24-h means of SO2, NO2, PM10, PM2.5, CO; O3 daily max 1-h;
     * O3 daily max 8-h moving mean.
     */
    public record DailyInput(BigDecimal so2, BigDecimal no2, BigDecimal pm10, BigDecimal pm25, BigDecimal co,
            BigDecimal o3_1h, BigDecimal o3_8h) {
    }

    /**
     * IAQI of one concentration on one table row, integer (ceil). Above the top of the row: 500 for the full rows;
     * for SO2 1-h and O3 8-h the caller applies the edition rule ({@link #hourly}, {@link #daily}).
     *
     * @throws IllegalArgumentException for negative values, or above 800 on the SO2 1-h / O3 8-h rows
     */
    public static int iaqi(AirEdition edition, AqiIndicator row, BigDecimal c) {
        return iaqi(edition, IaqiRounding.CEILING, row, c);
    }

    /** {@link #iaqi(AirEdition, AqiIndicator, BigDecimal)} made an integer by {@code rounding}. */
    public static int iaqi(AirEdition edition, IaqiRounding rounding, AqiIndicator row, BigDecimal c) {
        return iaqiExact(AqiBreakpoints.of(edition), rounding, row, c)[0].intValueExact();
    }

    /** [0] = integer IAQI, [1] = raw IAQI to 4 decimals. */
    private static BigDecimal[] iaqiExact(AqiBreakpoints t, IaqiRounding rounding, AqiIndicator row, BigDecimal c) {
        if (c.signum() < 0) {
            throw new IllegalArgumentException("negative concentration " + c);
        }
        int n = t.size(row);
        if (c.compareTo(BigDecimal.valueOf(t.concentration(row, n - 1))) > 0) {
            if (n < 8) {
                throw new IllegalArgumentException(row + " has no IAQI above " + t.concentration(row, n - 1));
            }
            return new BigDecimal[] {BigDecimal.valueOf(500), BigDecimal.valueOf(500)};
        }
        int i = 0;
        while (c.compareTo(BigDecimal.valueOf(t.concentration(row, i + 1))) > 0) {
            i++;
        }
        BigDecimal lo = BigDecimal.valueOf(t.concentration(row, i));
        BigDecimal den = BigDecimal.valueOf(t.concentration(row, i + 1) - t.concentration(row, i));
        BigDecimal num = BigDecimal.valueOf(AqiBreakpoints.iaqi(i + 1) - AqiBreakpoints.iaqi(i)).multiply(c.subtract(lo));
        BigDecimal base = BigDecimal.valueOf(AqiBreakpoints.iaqi(i));
        BigDecimal integer = rounding.divide(num, den).add(base);
        BigDecimal raw = num.divide(den, 4, RoundingMode.HALF_EVEN).add(base);
        return new BigDecimal[] {integer, raw};
    }

    /**
     * Concentration actually scored in a station's real-time report: GB/T 8170 rounded for 2026 (HJ 633-2026
     * §4.2.2), as given for 2012. Other reports: {@link AqiRounding#scored(Pollutant, BigDecimal)}.
     */
    public static BigDecimal scored(AirEdition edition, Pollutant p, BigDecimal c) {
        return AqiRounding.of(edition, AqiScope.STATION, AqiResult.ReportType.REAL_TIME).scored(p, c);
    }

    /** A station's real-time (hourly) AQI report. */
    public static AqiResult hourly(AirEdition edition, HourlyInput in) {
        return hourly(edition, AqiScope.STATION, in);
    }

    /**
     * Real-time (hourly) AQI report of a station or a city (for a city, the inputs are the means of its assessment
     * stations; a 2012 city concentration is rounded half up here, so pass it unrounded or already so rounded).
     */
    public static AqiResult hourly(AirEdition edition, AqiScope scope, HourlyInput in) {
        Builder b = new Builder(edition, AqiRounding.of(edition, scope, AqiResult.ReportType.REAL_TIME));
        // SO2 1-h, with the > 800 rule
        if (in.so2() != null) {
            BigDecimal s = b.rounding.scored(Pollutant.SO2, in.so2());
            if (s.compareTo(OVER_800) <= 0) {
                b.add("so2", AqiIndicator.SO2_1H, in.so2(), s, true, "");
            } else if (edition == AirEdition.E2026) {
                b.fixed("so2", AqiIndicator.SO2_1H, in.so2(), s, 200, "SO2 1-h > 800: IAQI 200 (HJ 633-2026 Table 3 note b)");
            } else if (in.so2_24h() != null) {
                b.add("so2", AqiIndicator.SO2_24H, in.so2_24h(), b.rounding.scored(Pollutant.SO2, in.so2_24h()),
                        true,
                        "SO2 1-h > 800: 24-h mean IAQI used (HJ 633-2012 Table 1 note 2)");
            } else {
                b.missing("so2", "SO2 1-h > 800 and no so2_24h: SO2 not computable (HJ 633-2012 Table 1 note 2)");
            }
        } else {
            b.missing("so2", null);
        }
        b.simple("no2", AqiIndicator.NO2_1H, in.no2(), true);
        b.simple("pm10", AqiIndicator.PM10_24H, in.pm10(), true);
        b.simple("pm25", AqiIndicator.PM25_24H, in.pm25(), true);
        b.simple("co", AqiIndicator.CO_1H, in.co(), true);
        b.simple("o3", AqiIndicator.O3_1H, in.o3(), true);
        if (in.o3_8h() != null) {
            b.o3EightHour(in.o3_8h(), false);
        }
        return b.build(AqiResult.ReportType.REAL_TIME);
    }

    /** A station's daily AQI report. */
    public static AqiResult daily(AirEdition edition, DailyInput in) {
        return daily(edition, AqiScope.STATION, in);
    }

    /** Daily AQI report of a station or a city (the rounding of {@link AqiRounding#of}). */
    public static AqiResult daily(AirEdition edition, AqiScope scope, DailyInput in) {
        Builder b = new Builder(edition, AqiRounding.of(edition, scope, AqiResult.ReportType.DAILY));
        b.simple("so2", AqiIndicator.SO2_24H, in.so2(), true);
        b.simple("no2", AqiIndicator.NO2_24H, in.no2(), true);
        b.simple("pm10", AqiIndicator.PM10_24H, in.pm10(), true);
        b.simple("pm25", AqiIndicator.PM25_24H, in.pm25(), true);
        b.simple("co", AqiIndicator.CO_24H, in.co(), true);
        if (edition == AirEdition.E2012) {
            b.simple("o3_1h", AqiIndicator.O3_1H, in.o3_1h(), true);
        } else if (in.o3_1h() != null) {
            b.notes.add("o3_1h ignored: not a daily indicator in HJ 633-2026 (§4.2.2)");
        }
        if (in.o3_8h() != null) {
            b.o3EightHour(in.o3_8h(), true);
        } else {
            b.missing("o3_8h", null);
        }
        return b.build(AqiResult.ReportType.DAILY);
    }

    private static final class Builder {
        final AirEdition edition;
        final AqiBreakpoints table;
        final AqiRounding rounding;
        final Map<String, SubIndex> subs = new LinkedHashMap<>();
        final Set<String> missing = new LinkedHashSet<>();
        final List<String> notes = new ArrayList<>();

        Builder(AirEdition edition, AqiRounding rounding) {
            this.edition = edition;
            this.table = AqiBreakpoints.of(edition);
            this.rounding = rounding;
        }

        void simple(String key, AqiIndicator row, BigDecimal c, boolean inAqi) {
            if (c == null) {
                missing(key, null);
            } else {
                add(key, row, c, rounding.scored(row.pollutant(), c), inAqi, "");
            }
        }

        void add(String key, AqiIndicator row, BigDecimal c, BigDecimal s, boolean inAqi, String note) {
            BigDecimal[] r = iaqiExact(table, rounding.iaqi(), row, s);
            subs.put(key, new SubIndex(key, row, c, s, r[1], r[0].intValueExact(), inAqi, note));
            if (!note.isEmpty()) {
                notes.add(note);
            }
        }

        void fixed(String key, AqiIndicator row, BigDecimal c, BigDecimal s, int iaqi, String note) {
            subs.put(key, new SubIndex(key, row, c, s, BigDecimal.valueOf(iaqi), iaqi, true, note));
            notes.add(note);
        }

        void missing(String key, String note) {
            missing.add(key);
            if (note != null) {
                notes.add(note);
            }
        }

        /** O3 8-h (moving or daily max) with the > 800 rule. */
        void o3EightHour(BigDecimal c, boolean inAqi) {
            BigDecimal s = rounding.scored(Pollutant.O3, c);
            if (s.compareTo(OVER_800) <= 0) {
                add("o3_8h", AqiIndicator.O3_8H, c, s, inAqi, "");
            } else if (edition == AirEdition.E2026) {
                SubIndex sub = new SubIndex("o3_8h", AqiIndicator.O3_8H, c, s, BigDecimal.valueOf(300), 300, inAqi,
                        "O3 8-h > 800: IAQI 300 (HJ 633-2026 Table 3 note c)");
                subs.put("o3_8h", sub);
                notes.add(sub.note());
            } else {
                // 2012 note (3): no 8-h IAQI; O3 is reported by its 1-h IAQI (which the report already carries).
                notes.add("O3 8-h > 800: no 8-h IAQI, O3 reported by its 1-h IAQI (HJ 633-2012 Table 1 note 3)");
            }
        }

        AqiResult build(AqiResult.ReportType type) {
            int max = -1;
            for (SubIndex s : subs.values()) {
                if (s.inAqi()) {
                    max = Math.max(max, s.iaqi());
                }
            }
            OptionalInt aqi = max < 0 ? OptionalInt.empty() : OptionalInt.of(max);
            List<String> primary = new ArrayList<>();
            Set<Pollutant> primaryPollutants = EnumSet.noneOf(Pollutant.class);
            Set<Pollutant> exceeding = EnumSet.noneOf(Pollutant.class);
            if (max > 50) {
                // o3_8h is listed before o3_1h so a tie within O3 names the 8-h value once.
                List<SubIndex> order = new ArrayList<>(subs.values());
                order.sort((a, b) -> Boolean.compare(!"o3_8h".equals(a.key()), !"o3_8h".equals(b.key())));
                for (SubIndex s : order) {
                    if (s.inAqi() && s.iaqi() == max && primaryPollutants.add(s.pollutant())) {
                        primary.add(s.key());
                    }
                }
                List<String> inTableOrder = new ArrayList<>();
                for (String k : subs.keySet()) {
                    if (primary.contains(k)) {
                        inTableOrder.add(k);
                    }
                }
                primary = inTableOrder;
            }
            if (edition == AirEdition.E2012) {
                for (SubIndex s : subs.values()) {
                    if (s.inAqi() && s.iaqi() > 100) {
                        exceeding.add(s.pollutant());
                    }
                }
            }
            return new AqiResult(edition, type, subs, missing, aqi, primary, exceeding, notes);
        }
    }
}
