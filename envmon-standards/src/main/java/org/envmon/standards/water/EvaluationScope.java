package org.envmon.standards.water;

/** Which of the given parameters set the section class. */
public enum EvaluationScope {
    /**
     * Routine evaluation, 地表水环境质量评价办法（试行）环办〔2011〕22号 (digest §5.3): the 21 routine items; TN and
     * fecal coliform are classified but do not count, for rivers and for lakes/reservoirs. The default.
     */
    ROUTINE,
    /**
     * GB 3838-2002 as written (§5, Table 1): every given item counts, except TN for rivers, since Table 1 item 9
     * applies to lakes and reservoirs only.
     */
    ALL_ITEMS;

    /** Whether {@code parameter} counts for the section class of a {@code waterbody} under this scope. */
    public boolean counts(WaterParameter parameter, Waterbody waterbody) {
        if (this == ROUTINE) {
            return parameter.isRoutine();
        }
        return parameter != WaterParameter.TN || waterbody == Waterbody.LAKE_RESERVOIR;
    }
}
