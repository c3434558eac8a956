package org.envmon.quality.qc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What an automatic QC rule found about one value. The enum name is the stable short code used in the API and the
 * database ({@code NEGATIVE;SPIKE}); {@link #bit()} is the stable bit used in the {@code long} form. Neither may change
 * once data is stored: add new codes with new bits, never renumber.
 *
 * <p>Instrument flags are the HJ 212-2017 data flags ({@code xxx-Flag}, HJ 212-2017 §6.4, standards digest §9.4 "Data
 * flags"): N normal, F instrument stopped, M maintenance, S manually entered set value, D instrument fault, C
 * calibration, T above the measuring range, B instrument to data-logger communication failure. EnvMon's decision per
 * flag is written on each constant. N raises no code.
 *
 * <p>{@link Severity#INVALIDATING} codes make the value invalid for statistics and evaluation (GB 3095-2026 §6.4:
 * a value that fails the validity requirements is invalid, every valid value must be used). {@link Severity#WARNING}
 * codes keep it valid but mark it for review. The raw value is never changed either way.
 */
public enum QcCode {
    /** F, instrument stopped: the analyser was not measuring, so the value is no measurement. */
    FLAG_STOPPED(0, Severity.INVALIDATING, 'F'),
    /** M, maintenance: the analyser was being serviced (zero/span checks, filter change); not ambient air/water. */
    FLAG_MAINTENANCE(1, Severity.INVALIDATING, 'M'),
    /** S, manually entered set value: typed in, not measured, so not valid automatic monitoring data. */
    FLAG_MANUAL(2, Severity.INVALIDATING, 'S'),
    /** D, instrument fault: the analyser reports its own failure. */
    FLAG_FAULT(3, Severity.INVALIDATING, 'D'),
    /** C, calibration: the analyser measured a calibration gas or standard, not the sample. */
    FLAG_CALIBRATION(4, Severity.INVALIDATING, 'C'),
    /**
     * T, above the measuring range: the true value is at least this high. Kept valid (dropping it would bias means
     * downwards during the worst episodes) and marked so a reviewer sees it is a lower bound.
     */
    FLAG_OVER_RANGE(5, Severity.WARNING, 'T'),
    /** B, instrument to data-logger communication failure: the logger may hold a stale or garbled value. */
    FLAG_COMM_FAILURE(6, Severity.INVALIDATING, 'B'),
    /** A flag letter that HJ 212-2017 does not define: kept valid, marked for review. */
    FLAG_UNKNOWN(7, Severity.WARNING, '\0'),
    /** NaN or infinite (possible from file imports; the HJ 212 decoder rejects non-numeric values). */
    NOT_A_NUMBER(8, Severity.INVALIDATING, '\0'),
    /** Below zero for a quantity that cannot be negative (a concentration): analyser zero drift or a bad value. */
    NEGATIVE(9, Severity.INVALIDATING, '\0'),
    /** Below the physical range of a quantity that can be negative (temperature below -60 °C). */
    BELOW_RANGE(10, Severity.INVALIDATING, '\0'),
    /** Above the physical plausibility limit of the parameter: a transmission, unit or analyser error. */
    ABOVE_RANGE(11, Severity.INVALIDATING, '\0'),
    /** At or above zero but below the method detection limit: a real reading, reported as "below DL". */
    BELOW_DETECTION_LIMIT(12, Severity.WARNING, '\0'),
    /** The same value for N consecutive readings of the series (N per parameter and interval): a stuck analyser. */
    CONSTANT(13, Severity.INVALIDATING, '\0'),
    /** A sudden multiplicative jump over the previous value of the series: may be a real event, so only a warning. */
    SPIKE(14, Severity.WARNING, '\0'),
    /** A change from the previous value larger than is physically possible in that time. */
    RATE_OF_CHANGE(15, Severity.INVALIDATING, '\0'),
    /**
     * PM2.5 above PM10 at the same time. Physically impossible, but the two analysers have independent errors and it is
     * not known which one is wrong, so both values are marked and kept (review decides).
     */
    PM25_ABOVE_PM10(16, Severity.WARNING, '\0'),
    /** NO2 above NOx (both as NO2) at the same time; as for PM25_ABOVE_PM10 both values are marked and kept. */
    NO2_ABOVE_NOX(17, Severity.WARNING, '\0'),
    /** Another part above its total (NH3-N above TN, PM1 above PM2.5, PM10 above TSP); both values are marked. */
    PART_ABOVE_TOTAL(18, Severity.WARNING, '\0'),
    /**
     * Older than a value of the same series already seen: a legitimate history re-upload (补传) looks like this, so it
     * stays valid; series checks are not run on it.
     */
    OUT_OF_ORDER(19, Severity.WARNING, '\0'),
    /** Time later than now plus the tolerance: the station clock is wrong, so the time of the value is not known. */
    FUTURE_TIME(20, Severity.INVALIDATING, '\0'),
    /**
     * A second value for a time already seen in the series (a different packet, not a redelivery, which the store drops
     * before QC matters). The first arrival stays valid; the later one is invalid.
     */
    DUPLICATE_TIME(21, Severity.INVALIDATING, '\0');

    /** Whether a code makes the value invalid. */
    public enum Severity { INVALIDATING, WARNING }

    private static final QcCode[] BY_BIT = new QcCode[64];
    private static final long INVALIDATING_MASK;

    static {
        long inv = 0;
        for (QcCode c : values()) {
            if (BY_BIT[c.bit] != null) {
                throw new ExceptionInInitializerError("duplicate QC bit " + c.bit);
            }
            BY_BIT[c.bit] = c;
            if (c.severity == Severity.INVALIDATING) {
                inv |= c.mask();
            }
        }
        INVALIDATING_MASK = inv;
    }

    private final int bit;
    private final Severity severity;
    private final char flag;

    QcCode(int bit, Severity severity, char flag) {
        this.bit = bit;
        this.severity = severity;
        this.flag = flag;
    }

    /** Stable bit number (0..63) of this code in the {@code long} form. */
    public int bit() {
        return bit;
    }

    public long mask() {
        return 1L << bit;
    }

    public Severity severity() {
        return severity;
    }

    public boolean invalidates() {
        return severity == Severity.INVALIDATING;
    }

    /** The HJ 212 flag letter this code stands for, or '\0' for rule codes. */
    public char instrumentFlag() {
        return flag;
    }

    /** The mask of every invalidating code. */
    public static long invalidatingMask() {
        return INVALIDATING_MASK;
    }

    /** A value with these codes is valid when none of them invalidates. */
    public static boolean isValid(long mask) {
        return (mask & INVALIDATING_MASK) == 0;
    }

    /**
     * The code for an HJ 212 instrument flag: null for N (normal), null or blank (no flag sent),
     * {@link #FLAG_UNKNOWN} for a letter HJ 212-2017 does not define. Case-insensitive; only the first character counts.
     */
    public static QcCode ofInstrumentFlag(String flag) {
        if (flag == null || flag.isEmpty()) {
            return null;
        }
        char c = flag.charAt(0);
        return switch (c) {
            case 'N', 'n' -> null;
            case 'F', 'f' -> FLAG_STOPPED;
            case 'M', 'm' -> FLAG_MAINTENANCE;
            case 'S', 's' -> FLAG_MANUAL;
            case 'D', 'd' -> FLAG_FAULT;
            case 'C', 'c' -> FLAG_CALIBRATION;
            case 'T', 't' -> FLAG_OVER_RANGE;
            case 'B', 'b' -> FLAG_COMM_FAILURE;
            case ' ' -> flag.isBlank() ? null : FLAG_UNKNOWN;
            default -> FLAG_UNKNOWN;
        };
    }

    /** The codes set in a mask, in bit order. Bits no code uses are ignored. */
    public static List<QcCode> fromMask(long mask) {
        List<QcCode> out = new ArrayList<>(Long.bitCount(mask));
        long m = mask;
        while (m != 0) {
            int b = Long.numberOfTrailingZeros(m);
            m &= m - 1;
            if (BY_BIT[b] != null) {
                out.add(BY_BIT[b]);
            }
        }
        return out;
    }

    public static long toMask(Iterable<QcCode> codes) {
        long m = 0;
        for (QcCode c : codes) {
            m |= c.mask();
        }
        return m;
    }

    /** The text form for storage and the API: code names in bit order joined by ';', "" for none. */
    public static String encode(long mask) {
        if (mask == 0) {
            return "";
        }
        StringBuilder sb = new StringBuilder(24);
        for (QcCode c : fromMask(mask)) {
            if (!sb.isEmpty()) {
                sb.append(';');
            }
            sb.append(c.name());
        }
        return sb.toString();
    }

    /**
     * Inverse of {@link #encode(long)}. Accepts any order, surrounding blanks and lower case; null or blank is no code.
     *
     * @throws IllegalArgumentException for an unknown code
     */
    public static long decode(String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        long m = 0;
        for (String part : text.split(";")) {
            String name = part.trim().toUpperCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            try {
                m |= valueOf(name).mask();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown QC code '" + part.trim() + "'", e);
            }
        }
        return m;
    }
}
