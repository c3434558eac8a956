/**
 * Pollution sources (排污单位): the calculations on the continuous emission monitoring data that enterprises' flue-gas
 * (HJ 212 ST=31) and waste-water (ST=32) outlets send. Pure: no I/O, no framework, like {@code envmon-standards}.
 * {@code fluegas}: reference-oxygen conversion (折算浓度), standard-state dry flow, and the check of the figures a
 * device converts itself; {@link org.envmon.sources.EmissionAmount}: emission rates and amounts of both kinds.
 */
package org.envmon.sources;
