/**
 * Automatic QC on every incoming value: a pure rule engine on the ingest path.
 *
 * <p>Entry point {@link org.envmon.quality.qc.QualityControl}: {@code check(medium, packetWrite)} gives one code mask
 * per observation ({@link org.envmon.quality.qc.QcResult}); {@link org.envmon.quality.qc.QcCode} holds the codes,
 * their severities and the {@code long} / text encodings; {@link org.envmon.quality.qc.QcRules} the per medium,
 * parameter and interval thresholds, shipped in {@code qc-defaults.csv} with a reason for each row and overridable from
 * a file. No static mutable state; no I/O except loading the rules.
 */
package org.envmon.quality.qc;
