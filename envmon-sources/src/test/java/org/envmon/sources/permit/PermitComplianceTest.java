package org.envmon.sources.permit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDateTime;
import java.time.Year;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class PermitComplianceTest {

    private static final ConcentrationLimit SO2_ULTRA_LOW = new ConcentrationLimit("a21026", "超低排放", 35,
            AveragingPeriod.HOUR);

    @Test
    void aMeanAboveTheLimitExceedsWithItsMultiple() {
        var e = SO2_ULTRA_LOW.check(52.5).orElseThrow();
        assertThat(e.multiple()).isCloseTo(0.5, within(1e-12)); // (52.5 − 35) / 35
        assertThat(e.limit()).isEqualTo(SO2_ULTRA_LOW);
    }

    @Test
    void theLimitItselfComplies() {
        assertThat(SO2_ULTRA_LOW.check(35.0)).isEmpty();
        assertThat(SO2_ULTRA_LOW.check(35.000_001)).isPresent();
        assertThat(SO2_ULTRA_LOW.check(Double.NaN)).isEmpty();
    }

    @Test
    void aLimitIsPositive() {
        assertThatThrownBy(() -> new ConcentrationLimit("a21026", "x", 0, AveragingPeriod.DAY))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void theMultipleGrowsWithTheMean(@ForAll @DoubleRange(min = 35.01, max = 1e5) double a,
            @ForAll @DoubleRange(min = 35.01, max = 1e5) double b) {
        double lo = SO2_ULTRA_LOW.check(Math.min(a, b)).orElseThrow().multiple();
        double hi = SO2_ULTRA_LOW.check(Math.max(a, b)).orElseThrow().multiple();
        assertThat(hi).isGreaterThanOrEqualTo(lo).isPositive();
    }

    @Test
    void theAnnualTotalIsProjectedOverTheHoursOfTheYear() {
        // 2024 (leap, 8,784 h): 60 t by the end of 30 June (4,368 h) → 60 × 8,784 / 4,368 = 120.66 t against 100 t.
        var total = new AnnualEmissionTotal(Year.of(2024), 100, 60_000, LocalDateTime.of(2024, 7, 1, 0, 0));
        assertThat(total.shareUsed()).isCloseTo(0.6, within(1e-12));
        assertThat(total.projectedTonnes().orElseThrow()).isCloseTo(120.659_34, within(1e-5));
        assertThat(total.atRisk()).isTrue();
        var calm = new AnnualEmissionTotal(Year.of(2025), 100, 40_000, LocalDateTime.of(2025, 7, 2, 12, 0));
        assertThat(calm.atRisk()).isFalse();
    }

    @Test
    void theProjectionNeedsAnHourAndTheTimeMustBeInTheYear() {
        assertThat(new AnnualEmissionTotal(Year.of(2025), 1, 0, LocalDateTime.of(2025, 1, 1, 0, 0)).projectedTonnes())
                .isEmpty();
        var whole = new AnnualEmissionTotal(Year.of(2025), 1, 900, LocalDateTime.of(2026, 1, 1, 0, 0));
        assertThat(whole.projectedTonnes().orElseThrow()).isCloseTo(0.9, within(1e-12));
        assertThatThrownBy(() -> new AnnualEmissionTotal(Year.of(2025), 1, 0, LocalDateTime.of(2026, 1, 1, 1, 0)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
