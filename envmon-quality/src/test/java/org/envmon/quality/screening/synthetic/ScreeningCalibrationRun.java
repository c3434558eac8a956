package org.envmon.quality.screening.synthetic;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.envmon.quality.screening.Detector;
import org.envmon.quality.screening.HourlySeries;
import org.envmon.model.Site;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Full-scale run (5 calibration + 17 report cities, full year 2019, 4 rounds), only with ENVMON_SCREENING_FULL=true;
 * prints the figures. ENVMON_SCREENING_SET=calibration limits it to the calibration cities, ENVMON_SCREENING_DEBUG=
 * detector-id lists that detector's alerts on the untouched calibration cities (the real-data false alarms).
 */
@EnabledIfEnvironmentVariable(named = "ENVMON_SCREENING_FULL", matches = "true")
class ScreeningCalibrationRun {

    @Test
    void fullScale() throws Exception {
        Path dir = CnemcCities.dataDir();
        Assumptions.assumeTrue(dir != null, "shared data absent");
        CnemcCities data = CnemcCities.open(dir);
        String only = System.getenv().getOrDefault("ENVMON_SCREENING_SET", "both");
        long t0 = System.nanoTime();
        List<Map<Site, HourlySeries>> cal = new ArrayList<>();
        for (String c : ScreeningEvaluationTest.CALIBRATION_CITIES) {
            cal.add(data.city(c, "PM2.5"));
        }
        List<Map<Site, HourlySeries>> rep = new ArrayList<>();
        if (!only.equals("calibration")) {
            for (String c : ScreeningEvaluationTest.REPORT_CITIES) {
                rep.add(data.city(c, "PM2.5"));
            }
        }
        System.out.printf("loaded in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        String debug = System.getenv("ENVMON_SCREENING_DEBUG");
        if (debug != null) {
            for (TamperType type : TamperType.values()) {
                if (!type.detectorId().equals(debug)) {
                    continue;
                }
                Detector det = ScreeningEvaluationTest.detectorFor(type);
                for (Map<Site, HourlySeries> city : cal) {
                    for (Map.Entry<Site, HourlySeries> e : city.entrySet()) {
                        var ctx = org.envmon.quality.screening.SiteContext.select(e.getKey(), e.getValue(), city,
                                ScreeningEvaluationTest.POLICY);
                        for (var a : det.screen(ctx)) {
                            System.out.println("FP? " + e.getKey().city() + " " + a.siteCode() + " " + a.from() + " "
                                    + a.to() + " " + String.format("%.2f", a.score()) + " " + a.evidence());
                        }
                    }
                }
            }
            return;
        }
        int rounds = Integer.parseInt(System.getenv().getOrDefault("ENVMON_SCREENING_ROUNDS", "4"));
        for (TamperType type : TamperType.values()) {
            Detector det = ScreeningEvaluationTest.detectorFor(type);
            long t1 = System.nanoTime();
            ScreeningEvaluation.Score a = score(det, type, cal, rounds);
            System.out.println("CAL    " + a + String.format(" %.1fs", (System.nanoTime() - t1) / 1e9));
            if (!rep.isEmpty()) {
                ScreeningEvaluation.Score b = score(det, type, rep, rounds);
                System.out.println("REPORT " + b);
            }
        }
    }

    /** The scores of {@code rounds} evaluations (one seed each) over {@code cities}, summed. */
    private static ScreeningEvaluation.Score score(Detector det, TamperType type, List<Map<Site, HourlySeries>> cities,
            int rounds) {
        ScreeningEvaluation.Score sum = null;
        for (int r = 0; r < rounds; r++) {
            ScreeningEvaluation.Score x = ScreeningEvaluation.evaluate(det, type, TamperGenerator.pm25(), cities,
                    ScreeningEvaluationTest.POLICY, ScreeningEvaluationTest.TAMPER_SHARE,
                    ScreeningEvaluationTest.SEED + r);
            sum = sum == null ? x : sum.plus(x);
        }
        return sum;
    }
}
