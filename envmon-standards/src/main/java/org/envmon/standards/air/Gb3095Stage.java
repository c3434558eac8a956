package org.envmon.standards.air;

import java.time.LocalDate;

/**
 * Which GB 3095 limit columns apply (standards digest §0, §3A, §3B.2).
 * <ul>
 *   <li>{@link #GB3095_2012}: GB 3095-2012 with the 2018 amendment, data before 2026-03-01.</li>
 *   <li>{@link #GB3095_2026_TRANSITION}: GB 3095-2026 Table 1 transition columns, 2026-03-01 … 2030-12-31
 *       (§4.4 [confirmed]).</li>
 *   <li>{@link #GB3095_2026_FINAL}: GB 3095-2026 final columns, from 2031-01-01.</li>
 * </ul>
 */
public enum Gb3095Stage {
    GB3095_2012,
    GB3095_2026_TRANSITION,
    GB3095_2026_FINAL;

    /** First day of the GB 3095-2026 final limits (§4.4 [confirmed]). */
    public static final LocalDate FINAL_FROM = LocalDate.of(2031, 1, 1);

    /** The edition whose limits this stage belongs to: 2012 has one stage, 2026 two. */
    public AirEdition edition() {
        return this == GB3095_2012 ? AirEdition.E2012 : AirEdition.E2026;
    }

    /** Stage in force on {@code day}. */
    public static Gb3095Stage forDay(LocalDate day) {
        return of(AirEdition.forDay(day), day);
    }

    /**
     * Stage of {@code edition} used for data of {@code day}. Decision (standards silent): when data before
     * 2026-03-01 is recomputed under the 2026 edition, the transition stage is used (the first stage of that
     * edition); the final stage applies to data from 2031-01-01. The 2012 edition has a single stage.
     */
    public static Gb3095Stage of(AirEdition edition, LocalDate day) {
        if (edition == AirEdition.E2012) {
            return GB3095_2012;
        }
        return day.isBefore(FINAL_FROM) ? GB3095_2026_TRANSITION : GB3095_2026_FINAL;
    }
}
