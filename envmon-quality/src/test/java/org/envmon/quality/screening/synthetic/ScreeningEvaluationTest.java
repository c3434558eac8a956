package org.envmon.quality.screening.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.envmon.quality.screening.CalibrationJumpDetector;
import org.envmon.quality.screening.ClampingDetector;
import org.envmon.quality.screening.DecouplingDetector;
import org.envmon.quality.screening.Detector;
import org.envmon.quality.screening.HourlySeries;
import org.envmon.quality.screening.NeighbourPolicy;
import org.envmon.quality.screening.RepeatedProfileDetector;
import org.envmon.quality.screening.VarianceCollapseDetector;
import org.envmon.model.Site;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall of each detector on real 2019 CNEMC PM2.5 with synthetic tampering (protocol: see
 * {@link ScreeningEvaluation}). Thresholds were tuned on {@link #CALIBRATION_CITIES} only; this test runs on a subset
 * of the other cities (three rounds) and fails when a figure drops below what was measured minus a small margin.
 * The full-scale figures come from {@link ScreeningCalibrationRun}.
 */
class ScreeningEvaluationTest {

    /** Thresholds were tuned on these cities only. */
    static final List<String> CALIBRATION_CITIES = List.of("beijing", "shanghai", "guangzhou", "wuhan", "xian");
    /** Figures are reported on these. */
    static final List<String> REPORT_CITIES = List.of("tianjin", "shijiazhuang", "taiyuan", "shenyang", "haerbin",
            "nanjing", "hangzhou", "hefei", "zhengzhou", "shenzhen", "chengdu", "chongqing", "lanzhou", "urumqi",
            "lhasa", "haikou", "kunming");
    /** The fast subset of {@link #REPORT_CITIES} this test uses. */
    static final List<String> TEST_CITIES = List.of("shijiazhuang", "shenyang", "hangzhou", "chengdu", "lanzhou",
            "zhengzhou");
    static final NeighbourPolicy POLICY = new NeighbourPolicy(30.0, true, 10);
    static final double TAMPER_SHARE = 0.3;
    static final long SEED = 20190101L;
    static final double MARGIN = 0.03;
    /** Rounds with seeds SEED, SEED + 1, ...: each draws other tampered sites and windows. */
    static final int ROUNDS = 3;

    /** Measured on TEST_CITIES, ROUNDS rounds from SEED: {precision, recall}. */
    static final Map<TamperType, double[]> MEASURED = new EnumMap<>(Map.of(
            TamperType.CLAMP, new double[] {0.94, 0.64},
            TamperType.VARIANCE_COLLAPSE, new double[] {0.85, 1.00},
            TamperType.DECOUPLE, new double[] {0.40, 0.57},
            TamperType.REPEATED_PROFILE, new double[] {1.00, 0.95},
            TamperType.CALIBRATION_JUMP, new double[] {0.89, 0.60}));

    static Detector detectorFor(TamperType t) {
        return switch (t) {
            case CLAMP -> new ClampingDetector();
            case VARIANCE_COLLAPSE -> new VarianceCollapseDetector();
            case DECOUPLE -> new DecouplingDetector();
            case REPEATED_PROFILE -> new RepeatedProfileDetector();
            case CALIBRATION_JUMP -> new CalibrationJumpDetector();
        };
    }

    @Test
    void eachDetectorKeepsItsMeasuredPrecisionAndRecall() throws Exception {
        Path dir = CnemcCities.dataDir();
        Assumptions.assumeTrue(dir != null, "shared CNEMC data absent (../shared/data/air): evaluation skipped");
        CnemcCities data = CnemcCities.open(dir);
        List<Map<Site, HourlySeries>> cities = new ArrayList<>();
        for (String c : TEST_CITIES) {
            cities.add(data.city(c, "PM2.5"));
        }
        List<String> failures = new ArrayList<>();
        for (TamperType type : TamperType.values()) {
            ScreeningEvaluation.Score s = null;
            for (int r = 0; r < ROUNDS; r++) {
                ScreeningEvaluation.Score x = ScreeningEvaluation.evaluate(detectorFor(type), type,
                        TamperGenerator.pm25(), cities, POLICY, TAMPER_SHARE, SEED + r);
                s = s == null ? x : s.plus(x);
            }
            System.out.println("[screening] " + type + ": " + s);
            double[] m = MEASURED.get(type);
            assertThat(s.events()).as("%s events", type).isGreaterThanOrEqualTo(10);
            if (!(s.precision() >= m[0] - MARGIN)) {
                failures.add(type + " precision " + s.precision() + " < " + m[0] + " - " + MARGIN);
            }
            if (!(s.recall() >= m[1] - MARGIN)) {
                failures.add(type + " recall " + s.recall() + " < " + m[1] + " - " + MARGIN);
            }
        }
        assertThat(failures).isEmpty();
    }
}
