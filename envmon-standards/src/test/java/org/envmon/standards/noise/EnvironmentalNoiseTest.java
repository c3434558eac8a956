package org.envmon.standards.noise;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** GB 3096-2008 Table 1 (digest §7): every limit, just below, at and just above. */
class EnvironmentalNoiseTest {

    @ParameterizedTest(name = "zone {0}: day {1}, night {2}")
    @CsvSource({"0, 50, 40", "1, 55, 45", "2, 60, 50", "3, 65, 55", "4a, 70, 55", "4b, 70, 60"})
    void limitsAndCompliance(String zoneCode, int day, int night) {
        NoiseZone zone = NoiseZone.parse(zoneCode).orElseThrow();
        assertThat(EnvironmentalNoise.limit(zone, NoisePeriod.DAY)).isEqualTo(day);
        assertThat(EnvironmentalNoise.limit(zone, NoisePeriod.NIGHT)).isEqualTo(night);
        for (NoisePeriod period : NoisePeriod.values()) {
            int limit = period == NoisePeriod.DAY ? day : night;
            BigDecimal l = BigDecimal.valueOf(limit);
            assertThat(EnvironmentalNoise.assess(zone, period, l.subtract(new BigDecimal("0.1"))).compliant())
                    .isTrue();
            NoiseAssessment at = EnvironmentalNoise.assess(zone, period, l);
            assertThat(at.compliant()).isTrue();
            assertThat(at.excess()).isEqualByComparingTo("0");
            NoiseAssessment above = EnvironmentalNoise.assess(zone, period, l.add(new BigDecimal("0.1")));
            assertThat(above.compliant()).isFalse();
            assertThat(above.excess()).isEqualByComparingTo("0.1");
            assertThat(above.limit()).isEqualByComparingTo(l);
        }
    }

    @Test
    void nightBurstNoiseAllowsFifteenDecibels() {
        assertThat(EnvironmentalNoise.assessNightBurst(NoiseZone.ZONE_1, new BigDecimal("60")).compliant()).isTrue();
        NoiseAssessment a = EnvironmentalNoise.assessNightBurst(NoiseZone.ZONE_1, new BigDecimal("60.5"));
        assertThat(a.compliant()).isFalse();
        assertThat(a.excess()).isEqualByComparingTo("0.5");
        assertThat(EnvironmentalNoise.railwayBackgroundLimit(NoisePeriod.DAY)).isEqualTo(70);
        assertThat(EnvironmentalNoise.railwayBackgroundLimit(NoisePeriod.NIGHT)).isEqualTo(55);
    }

    @Test
    void dayAndNightPeriods() {
        assertThat(NoisePeriod.of(LocalTime.of(6, 0))).isEqualTo(NoisePeriod.DAY);
        assertThat(NoisePeriod.of(LocalTime.of(5, 59, 59))).isEqualTo(NoisePeriod.NIGHT);
        assertThat(NoisePeriod.of(LocalTime.of(21, 59))).isEqualTo(NoisePeriod.DAY);
        assertThat(NoisePeriod.of(LocalTime.of(22, 0))).isEqualTo(NoisePeriod.NIGHT);
        assertThat(NoisePeriod.of(LocalTime.MIDNIGHT)).isEqualTo(NoisePeriod.NIGHT);
        assertThat(NoisePeriod.of(LocalTime.of(22, 30), LocalTime.of(7, 0), LocalTime.of(23, 0)))
                .isEqualTo(NoisePeriod.DAY);
        assertThat(NoiseZone.parse("4A")).contains(NoiseZone.ZONE_4A);
        assertThat(NoiseZone.parse("5")).isEmpty();
    }
}
