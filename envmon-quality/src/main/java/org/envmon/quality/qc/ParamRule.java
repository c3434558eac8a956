package org.envmon.quality.qc;

/**
 * The resolved QC thresholds of one parameter for one medium and interval. A {@code NaN} threshold (or 0 for
 * {@code constantN}) means the check is off. Units are the parameter's HJ 212 units (parameters.csv).
 *
 * @param min            lowest physically possible value; a value below it is {@link QcCode#NEGATIVE} when
 *                       {@code min >= 0}, else {@link QcCode#BELOW_RANGE}
 * @param max            highest plausible value, above it {@link QcCode#ABOVE_RANGE}
 * @param detectionLimit values in [0, DL) are {@link QcCode#BELOW_DETECTION_LIMIT}
 * @param constantN      {@link QcCode#CONSTANT} from the N-th equal consecutive value on
 * @param constantMin    runs at or below this value are not flagged (rounding makes low values repeat naturally)
 * @param rateMax        largest possible |change| from the previous value, {@link QcCode#RATE_OF_CHANGE} above it
 * @param spikeFactor    {@link QcCode#SPIKE} when value >= factor x previous ...
 * @param spikeMin       ... and value - previous >= spikeMin
 * @param maxGapMillis   rate and spike compare only with a previous value at most this much earlier
 * @param notAbove       the code of the total this parameter is a part of (same packet and time), or null
 * @param pairCode       the code raised on both values when the part exceeds the total
 */
public record ParamRule(
        String code,
        double min,
        double max,
        double detectionLimit,
        int constantN,
        double constantMin,
        double rateMax,
        double spikeFactor,
        double spikeMin,
        long maxGapMillis,
        String notAbove,
        QcCode pairCode) {
}
