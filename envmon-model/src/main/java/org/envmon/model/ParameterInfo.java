package org.envmon.model;

import java.util.Objects;

/**
 * A monitored parameter as catalogued (HJ 212 code such as {@code a21026}). Filled by the application from the
 * standards catalogue; observations refer to it by {@code code} but are not constrained by it (unknown codes are
 * stored as received).
 *
 * @param decimals display precision, or null when the catalogue gives none
 */
public record ParameterInfo(String code, String nameZh, String nameEn, String unit, Integer decimals, String category) {
    public ParameterInfo {
        Objects.requireNonNull(code, "code");
    }
}
