package org.envmon.sources.fluegas;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ImpliedReferenceTallyTest {

    /** A device that converted {@code measured} at O2 {@code o2} to the reference {@code ref}. */
    private static void add(ImpliedReferenceTally t, double measured, double o2, double ref) {
        t.add(measured, measured * (21 - ref) / (21 - o2), o2);
    }

    @Test
    void theReferenceMoreThanHalfTheHoursImplyWins() {
        ImpliedReferenceTally t = new ImpliedReferenceTally();
        add(t, 30, 8, 6);
        add(t, 25, 9, 6);
        add(t, 20, 7, 6);
        add(t, 30, 8, 9);
        add(t, 30, 8, 13); // no standard's reference
        assertThat(t.majority()).contains(ReferenceOxygen.COAL_FIRED_POWER_BOILER);
    }

    @Test
    void withoutAMajorityNoReferenceIsImplied() {
        ImpliedReferenceTally t = new ImpliedReferenceTally();
        add(t, 30, 8, 6);
        add(t, 30, 8, 13);
        assertThat(t.majority()).isEmpty();
        add(t, 0.5, 8, 6); // too small to tell: not counted
        assertThat(t.majority()).isEmpty();
        assertThat(new ImpliedReferenceTally().majority()).isEmpty();
    }
}
