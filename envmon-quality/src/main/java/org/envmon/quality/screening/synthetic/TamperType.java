package org.envmon.quality.screening.synthetic;

import org.envmon.quality.screening.CalibrationJumpDetector;
import org.envmon.quality.screening.ClampingDetector;
import org.envmon.quality.screening.DecouplingDetector;
import org.envmon.quality.screening.RepeatedProfileDetector;
import org.envmon.quality.screening.VarianceCollapseDetector;

/** The kinds of synthetic tampering, each with the id of the detector meant to catch it. */
public enum TamperType {
    /** Days whose mean exceeds the limit are scaled down to a mean just under it. */
    CLAMP(ClampingDetector.ID),
    /** A week made (nearly) flat around a (possibly lowered) level. */
    VARIANCE_COLLAPSE(VarianceCollapseDetector.ID),
    /** A week replaced by the same site's values from another time, rescaled to the week's mean and std. */
    DECOUPLE(DecouplingDetector.ID),
    /** A week of days each copied from an earlier day, with a small scale, shift and rounding. */
    REPEATED_PROFILE(RepeatedProfileDetector.ID),
    /** Two to four weeks multiplied by a factor (span changed), then back. */
    CALIBRATION_JUMP(CalibrationJumpDetector.ID);

    private final String detectorId;

    TamperType(String detectorId) {
        this.detectorId = detectorId;
    }

    public String detectorId() {
        return detectorId;
    }
}
