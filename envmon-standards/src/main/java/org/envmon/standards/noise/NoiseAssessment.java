package org.envmon.standards.noise;

import java.math.BigDecimal;

/**
 * Compliance of a measured level with a GB 3096-2008 limit.
 *
 * @param zone      functional zone class
 * @param period    day or night
 * @param measured  measured equivalent level Leq (or Lmax for the burst-noise check), dB(A)
 * @param limit     the applicable limit, dB(A) (for burst noise: night limit + 15)
 * @param compliant {@code measured ≤ limit}
 * @param excess    {@code measured − limit} when positive, else 0 (超标量, dB)
 */
public record NoiseAssessment(NoiseZone zone, NoisePeriod period, BigDecimal measured, BigDecimal limit,
        boolean compliant, BigDecimal excess) {
}
