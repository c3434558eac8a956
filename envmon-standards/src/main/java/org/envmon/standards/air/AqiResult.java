package org.envmon.standards.air;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * An AQI report for one station/area and one hour or day. Immutable.
 *
 * @param edition            edition whose rules were applied
 * @param report             real-time (hourly) or daily
 * @param subIndices         computed IAQIs by input key, in table order
 * @param missing            input keys the edition's report needs but which were missing (or not computable)
 * @param aqi                max of the IAQIs that take part; empty if none could be computed
 * @param primaryKeys        input keys of the primary pollutant(s): largest IAQI, only when AQI &gt; 50, ties all
 *                           listed, one key per pollutant (HJ 633-2012 §3.3/§4.4.2; HJ 633-2026 §4.3.1)
 * @param exceeding          pollutants with IAQI &gt; 100 (HJ 633-2012 §3.4); always empty for 2026 (deleted)
 * @param notes              special rules applied, in words
 */
public record AqiResult(AirEdition edition, ReportType report, Map<String, SubIndex> subIndices,
        Set<String> missing, OptionalInt aqi, List<String> primaryKeys, Set<Pollutant> exceeding,
        List<String> notes) {

    /** Real-time (hourly) or daily report. */
    public enum ReportType { REAL_TIME, DAILY }

    public AqiResult {
        subIndices = Map.copyOf(subIndices);
        missing = Set.copyOf(missing);
        primaryKeys = List.copyOf(primaryKeys);
        exceeding = Set.copyOf(exceeding);
        notes = List.copyOf(notes);
    }

    /** Level, if an AQI was computed. */
    public Optional<AqiLevel> level() {
        return aqi.isPresent() ? Optional.of(AqiLevel.of(aqi.getAsInt())) : Optional.empty();
    }

    /** IAQI for an input key, if computed. */
    public OptionalInt iaqi(String key) {
        SubIndex s = subIndices.get(key);
        return s == null ? OptionalInt.empty() : OptionalInt.of(s.iaqi());
    }

    /**
     * Whether the AQI fields may be published. HJ 633-2026 §5.3.1 [confirmed]: with a missing indicator the AQI is
     * published only if it is &gt; 100, else shown as NA. For 2012 an AQI is publishable whenever computed (the
     * missing indicator is shown as NA, HJ 633-2012 Table 3/4 notes).
     */
    public boolean publishable() {
        if (aqi.isEmpty()) {
            return false;
        }
        return edition == AirEdition.E2012 || missing.isEmpty() || aqi.getAsInt() > 100;
    }
}
