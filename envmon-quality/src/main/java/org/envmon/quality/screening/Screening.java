package org.envmon.quality.screening;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Runs a set of detectors over a site. */
public final class Screening {

    private final List<Detector> detectors;

    public Screening(List<Detector> detectors) {
        this.detectors = List.copyOf(detectors);
    }

    /** The five detectors with their default thresholds; clamping checks PM2.5-style daily means under {@code 75}. */
    public static Screening defaults() {
        return new Screening(List.of(new ClampingDetector(), new VarianceCollapseDetector(), new DecouplingDetector(),
                new RepeatedProfileDetector(), new CalibrationJumpDetector()));
    }

    public List<Detector> detectors() {
        return detectors;
    }

    /** All suspicions of all detectors, by start time then detector id. */
    public List<Suspicion> screen(SiteContext ctx) {
        List<Suspicion> out = new ArrayList<>();
        for (Detector d : detectors) {
            out.addAll(d.screen(ctx));
        }
        out.sort(Comparator.comparing(Suspicion::from).thenComparing(Suspicion::detector));
        return out;
    }
}
