package org.envmon.standards.noise;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * GB 3096-2008 环境噪声限值 (Table 1; digest §7). A measured Leq complies when it does not exceed the limit
 * ("≤", compared exactly as given; Leq is usually reported to 0.1 dB). No rounding is applied.
 */
public final class EnvironmentalNoise {

    /** Table 1: day and night Leq limits, dB(A), per zone class. */
    private static final Map<NoiseZone, int[]> LIMITS = new EnumMap<>(NoiseZone.class);

    static {
        LIMITS.put(NoiseZone.ZONE_0, new int[] {50, 40});
        LIMITS.put(NoiseZone.ZONE_1, new int[] {55, 45});
        LIMITS.put(NoiseZone.ZONE_2, new int[] {60, 50});
        LIMITS.put(NoiseZone.ZONE_3, new int[] {65, 55});
        LIMITS.put(NoiseZone.ZONE_4A, new int[] {70, 55});
        LIMITS.put(NoiseZone.ZONE_4B, new int[] {70, 60});
    }

    /** Night-time burst noise: Lmax may exceed the night limit by at most 15 dB(A) (digest §7, [mem]). */
    public static final int NIGHT_BURST_ALLOWANCE_DB = 15;
    /**
     * Existing railway trunk lines through urban areas: background limits where no train is passing, day 70, night
     * 55 dB(A) (digest §7, [mem]).
     */
    private static final int[] RAILWAY_BACKGROUND = {70, 55};

    private EnvironmentalNoise() {
    }

    /** The Leq limit in dB(A) of a zone class and period (Table 1). */
    public static int limit(NoiseZone zone, NoisePeriod period) {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(period, "period");
        return LIMITS.get(zone)[period.ordinal()];
    }

    /** The background limit near existing urban railway trunk lines when no train passes (digest §7, [mem]). */
    public static int railwayBackgroundLimit(NoisePeriod period) {
        return RAILWAY_BACKGROUND[period.ordinal()];
    }

    /** Compliance of a measured Leq: compliant when {@code leq ≤ limit}. */
    public static NoiseAssessment assess(NoiseZone zone, NoisePeriod period, BigDecimal leq) {
        return compare(zone, period, leq, BigDecimal.valueOf(limit(zone, period)));
    }

    /**
     * Night-time burst (sudden) noise: compliant when {@code Lmax ≤ night limit + 15} (digest §7, [mem]).
     */
    public static NoiseAssessment assessNightBurst(NoiseZone zone, BigDecimal lmax) {
        return compare(zone, NoisePeriod.NIGHT, lmax,
                BigDecimal.valueOf(limit(zone, NoisePeriod.NIGHT) + NIGHT_BURST_ALLOWANCE_DB));
    }

    private static NoiseAssessment compare(NoiseZone zone, NoisePeriod period, BigDecimal measured,
            BigDecimal limit) {
        Objects.requireNonNull(measured, "measured level");
        if (measured.signum() < 0) {
            throw new IllegalArgumentException("a sound level below 0 dB(A) is not plausible: " + measured);
        }
        BigDecimal diff = measured.subtract(limit);
        boolean ok = diff.signum() <= 0;
        return new NoiseAssessment(zone, period, measured, limit, ok, ok ? BigDecimal.ZERO : diff);
    }
}
