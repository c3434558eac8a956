package org.envmon.standards.water;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import org.envmon.standards.Rounding;

/**
 * How a value is rounded before it is compared with the GB 3838-2002 limits: the deployment's choice between the
 * national publication's practice and the unrounded value.
 *
 * <p><b>{@link Mode#REPORTED}</b> (the national practice): each item is rounded to its reporting precision with the
 * GB/T 8170-2008 rounding rule (§3.2 进舍规则, "四舍六入五成双", half-even; once, from the unrounded value, §3.3) and
 * the rounded value is what is classed, i.e. GB/T 8170-2008 §4.3.3 修约值比较法 (comparison of the rounded value)
 * instead of §4.3.2 全数值比较法 [mem: clause numbers]. The reporting precision is <b>[observed]</b>, no text found
 * states it: the national automatic water station publication (国家地表水水质自动监测实时数据发布系统, page layout of
 * 2025-11; {@code shared/data/water}) shows pH with 0 decimals, DO 1, CODMn 1, NH3-N 2, TP 3 and TN 2, and classing
 * the raw values rounded so reproduces its 水质类别 for 4 282 of 4 284 section-times (99.95%; unrounded 98.34%),
 * where half-up rounding would miss one more (TP 0.1005 published class II). The precision is not the digits of the
 * limits (CODMn to integers would miss 228). Items without an observed precision are not rounded unless a deployment
 * gives them decimals. The 2026-02 page layout shows pH, DO and CODMn with 2 decimals and NH3-N with 3, and its
 * classes follow that precision: a deployment reproducing it overrides those decimals.
 *
 * <p><b>{@link Mode#NONE}</b>: values are compared as given (全数值比较法), as GB/T 8170 prescribes when a standard
 * says nothing; GB 3838-2002 says nothing. Decimals given per item still apply to those items.
 *
 * <p>Immutable; {@link #REPORTED} and {@link #NONE} are the two plain policies.
 */
public final class WaterRounding {

    /** Which table of decimals a policy starts from. */
    public enum Mode {
        /** The national publication's reporting precision per item. */
        REPORTED,
        /** Nothing rounded. */
        NONE;

        /** {@code reported} or {@code none} (case-insensitive). */
        public static Mode parse(String text) {
            try {
                return valueOf(Objects.requireNonNull(text, "rounding").strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("water rounding: expected reported or none, got '" + text + "'");
            }
        }

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Most decimals a deployment may give an item (Hg limits go to 5 decimals in mg/L). */
    public static final int MAX_DECIMALS = 9;

    private static final Map<WaterParameter, Integer> PUBLISHED = new EnumMap<>(WaterParameter.class);

    static {
        PUBLISHED.put(WaterParameter.PH, 0);
        PUBLISHED.put(WaterParameter.DO, 1);
        PUBLISHED.put(WaterParameter.CODMN, 1);
        PUBLISHED.put(WaterParameter.NH3N, 2);
        PUBLISHED.put(WaterParameter.TP, 3);
        PUBLISHED.put(WaterParameter.TN, 2);
    }

    /** The national publication's practice. */
    public static final WaterRounding REPORTED = new WaterRounding(Mode.REPORTED, PUBLISHED);
    /** Nothing rounded. */
    public static final WaterRounding NONE = new WaterRounding(Mode.NONE, Map.of());

    private final Mode mode;
    private final Map<WaterParameter, Integer> decimals;

    private WaterRounding(Mode mode, Map<WaterParameter, Integer> decimals) {
        this.mode = mode;
        EnumMap<WaterParameter, Integer> d = new EnumMap<>(WaterParameter.class);
        d.putAll(decimals);
        this.decimals = Collections.unmodifiableMap(d);
    }

    /** The plain policy of a mode. */
    public static WaterRounding of(Mode mode) {
        return Objects.requireNonNull(mode, "mode") == Mode.REPORTED ? REPORTED : NONE;
    }

    /**
     * A mode's table with per-item changes: a number of decimals (0 to {@value #MAX_DECIMALS}), or null to leave that
     * item unrounded.
     */
    public static WaterRounding of(Mode mode, Map<WaterParameter, Integer> overrides) {
        WaterRounding r = of(mode);
        for (Map.Entry<WaterParameter, Integer> e : overrides.entrySet()) {
            r = r.withDecimals(e.getKey(), e.getValue());
        }
        return r;
    }

    /** This policy with {@code parameter} rounded to {@code decimals} places, or left unrounded when null. */
    public WaterRounding withDecimals(WaterParameter parameter, Integer decimals) {
        Objects.requireNonNull(parameter, "parameter");
        if (decimals != null && (decimals < 0 || decimals > MAX_DECIMALS)) {
            throw new IllegalArgumentException("decimals of " + parameter.column() + " must be 0 to "
                    + MAX_DECIMALS + ", got " + decimals);
        }
        EnumMap<WaterParameter, Integer> d = new EnumMap<>(WaterParameter.class);
        d.putAll(this.decimals);
        if (decimals == null) {
            d.remove(parameter);
        } else {
            d.put(parameter, decimals);
        }
        return new WaterRounding(mode, d);
    }

    public Mode mode() {
        return mode;
    }

    /** Decimals of each rounded item, in Table 1 order. */
    public Map<WaterParameter, Integer> decimals() {
        return decimals;
    }

    /** Decimals of one item, empty when it is not rounded. */
    public OptionalInt decimals(WaterParameter parameter) {
        Integer d = decimals.get(parameter);
        return d == null ? OptionalInt.empty() : OptionalInt.of(d);
    }

    /** The value as it is classed: rounded half-even ({@link Rounding#gbt8170}) when the item has decimals. */
    public BigDecimal round(WaterParameter parameter, BigDecimal value) {
        Integer d = decimals.get(parameter);
        return d == null || value == null ? value : Rounding.gbt8170(value, d);
    }

    /** Every value rounded; null values are left out. */
    public Map<WaterParameter, BigDecimal> round(Map<WaterParameter, BigDecimal> values) {
        Map<WaterParameter, BigDecimal> out = new EnumMap<>(WaterParameter.class);
        values.forEach((p, v) -> {
            if (v != null) {
                out.put(p, round(p, v));
            }
        });
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WaterRounding w && w.mode == mode && w.decimals.equals(decimals);
    }

    @Override
    public int hashCode() {
        return Objects.hash(mode, decimals);
    }

    /** e.g. {@code reported {ph=0, do=1, codmn=1, nh3n=2, tp=3, tn=2}}. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(mode.code()).append(" {");
        decimals.forEach((p, d) -> b.append(b.charAt(b.length() - 1) == '{' ? "" : ", ").append(p.column())
                .append('=').append(d));
        return b.append('}').toString();
    }
}
