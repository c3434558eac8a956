package org.envmon.standards.water;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalInt;
import org.envmon.standards.Rounding;

/**
 * Rounds a raw automatic-station value to the precision at which CNEMC publishes it, before classification.
 *
 * <p>Not from a standard: <b>[observed]</b> from the national automatic water station publication (data in
 * {@code shared/data/water}, 2025-11 page layout): pH 0 decimals, DO 1, CODMn 1, NH3-N 2, TP 3, TN 2. Classifying the
 * raw values rounded this way with round-half-even (GB/T 8170 "四舍六入五成双") reproduces the published class of
 * 99.95% of 4 284 records, against 98.34% for the unrounded raw values (see CnemcRealDataAgreementTest); e.g.
 * TP 0.1005 is published as class II, which half-up rounding (0.101, class III) would not give. Digest §5.2 says to
 * classify values "as reported": this class turns a raw value into the reported one. Parameters without an observed
 * precision are returned unchanged.
 */
public final class ReportedValueRounding {

    private static final Map<WaterParameter, Integer> DECIMALS = new EnumMap<>(WaterParameter.class);

    static {
        DECIMALS.put(WaterParameter.PH, 0);
        DECIMALS.put(WaterParameter.DO, 1);
        DECIMALS.put(WaterParameter.CODMN, 1);
        DECIMALS.put(WaterParameter.NH3N, 2);
        DECIMALS.put(WaterParameter.TP, 3);
        DECIMALS.put(WaterParameter.TN, 2);
    }

    private ReportedValueRounding() {
    }

    /** Published decimals of an automatic-station parameter, empty when none was observed. */
    public static OptionalInt decimals(WaterParameter parameter) {
        Integer d = DECIMALS.get(parameter);
        return d == null ? OptionalInt.empty() : OptionalInt.of(d);
    }

    /** The value rounded half-even ({@link Rounding#gbt8170}) to the published precision, else unchanged. */
    public static BigDecimal round(WaterParameter parameter, BigDecimal raw) {
        Integer d = DECIMALS.get(parameter);
        return d == null ? raw : Rounding.gbt8170(raw, d);
    }
}
