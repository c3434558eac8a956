package org.envmon.hj212;

import java.util.Arrays;
import java.util.Locale;

/**
 * One monitoring factor of the HJ 212 code tables (HJ 212-2017 Annex B; digest §9.4).
 *
 * @param code       HJ 212-2017 code, e.g. {@code w01018}
 * @param legacyCode HJ/T 212-2005 code, e.g. {@code 011}, or null
 * @param nameZh     Chinese name
 * @param nameEn     English name
 * @param unit       unit of the -Rtd/-Avg values as transmitted ("" if dimensionless)
 * @param decimals   display precision used by EnvMon (not normative)
 * @param category   monitoring category
 * @param note       provenance remark; non-empty when the row is not fully backed by the digest
 */
public record Parameter(String code, String legacyCode, String nameZh, String nameEn, String unit, int decimals,
                        Category category, String note) {

    /** Monitoring category (column {@code category} of parameters.csv). */
    public enum Category {
        AIR, WATER, FLUE_GAS, WASTE_WATER, NOISE, METEOROLOGY, STATE;

        /** The column value: the constant's name in lower case ({@code flue_gas}). */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Category of(String id) {
            return Arrays.stream(values()).filter(c -> c.id().equals(id)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown category: " + id));
        }
    }

    /** True if the row is marked uncertain (non-empty note containing "mem"). */
    public boolean uncertain() {
        return note != null && note.contains("mem");
    }
}
