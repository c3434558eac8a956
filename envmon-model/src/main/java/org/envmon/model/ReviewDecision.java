package org.envmon.model;

/** What a data review (数据审核) decides about the values it covers. */
public enum ReviewDecision {
    /** The values are invalid (excluded from statistics and valid-data rates). */
    INVALID,
    /** The values are valid, overriding the automatic QC verdict and reversing earlier INVALID reviews. */
    VALID;

    public boolean valid() {
        return this == VALID;
    }
}
