/**
 * Surface water: GB 3838-2002 classes, the routine evaluation method (环办〔2011〕22号), the city ranking
 * index CWQI (环办监测〔2017〕51号) and the lake/reservoir trophic state index TLI (CNEMC 2001).
 *
 * <p>Section numbers in comments ("digest §5.1") refer to {@code shared/spec/standards.md}. Pure functions over
 * immutable values; no I/O, no mutable static state. Concentrations are {@link java.math.BigDecimal} and are
 * compared exactly as given (digest §5.2) unless a {@link org.envmon.standards.water.WaterRounding} is passed: the
 * national publication classes each value rounded to its reporting precision (GB/T 8170), and the product's
 * evaluation path passes the deployment's policy.
 */
package org.envmon.standards.water;
