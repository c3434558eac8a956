package org.envmon.quality.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.envmon.model.Medium;
import org.envmon.model.Site;
import org.junit.jupiter.api.Test;

class DetectorsTest {

    private static final int DAYS = 90;

    private static SyntheticCity city(double level) {
        return new SyntheticCity(DAYS, 6, level, 42L);
    }

    @Test
    void cleanCityRaisesNothing() {
        for (double level : new double[] {30, 70}) {
            SyntheticCity c = city(level);
            for (int k = 0; k < 6; k++) {
                assertThat(Screening.defaults().screen(c.context(k))).as("site %d level %s", k, level).isEmpty();
            }
        }
    }

    @Test
    void clampingFindsDailyMeansPinnedUnderTheLimit() {
        SyntheticCity c = city(70);
        double[] v = c.values(0);
        int pinned = 0;
        for (int d = 30; d < 60; d++) {
            double m = 0;
            for (int h = 0; h < 24; h++) {
                m += v[d * 24 + h] / 24;
            }
            if (m >= 75) {
                for (int h = 0; h < 24; h++) {
                    v[d * 24 + h] *= 72.0 / m;
                }
                pinned++;
            }
        }
        assertThat(pinned).as("days above the limit to clamp").isGreaterThanOrEqualTo(4);
        c.replace(0, v);
        Suspicion a = single(new ClampingDetector(), c, 0);
        assertThat(a.detector()).isEqualTo("clamping");
        assertThat(a.fields()).containsEntry("limit", 75.0).containsEntry("honestExceedances", 0);
        assertThat((Integer) a.fields().get("pinnedUnits")).isGreaterThanOrEqualTo(3);
        assertThat(a.from()).isAfterOrEqualTo(hour(c, 0, 30 * 24));
        assertThat(a.to()).isBeforeOrEqualTo(hour(c, 0, 60 * 24));
        assertThat(a.evidence()).contains("[66.0, 75.0)");
        assertThat(new ClampingDetector().screen(c.context(1))).isEmpty();
    }

    @Test
    void clampingHourlyVariant() {
        SyntheticCity c = city(70);
        double[] v = c.values(2);
        for (int i = 24 * 20; i < 24 * 27; i++) {
            if (v[i] >= 100) {
                v[i] = 96 + (i % 4);
            }
        }
        c.replace(2, v);
        ClampingDetector hourly = new ClampingDetector(ClampingDetector.Config.hourly(100));
        assertThat(hourly.screen(c.context(2))).isNotEmpty();
        // evidence names hours in Beijing time, as the API answers
        assertThat((List<?>) hourly.screen(c.context(2)).get(0).fields().get("pinned"))
                .allSatisfy(u -> assertThat(u.toString()).containsPattern("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:00\\+08:00 "));
        assertThat(hourly.screen(c.context(3))).isEmpty();
    }

    @Test
    void varianceCollapseFindsAFlatWeek() {
        SyntheticCity c = city(50);
        double[] v = c.values(1);
        for (int i = 24 * 40; i < 24 * 47; i++) {
            v[i] = 41 + (i % 2);
        }
        c.replace(1, v);
        Suspicion a = single(new VarianceCollapseDetector(), c, 1);
        assertThat(a.overlaps(hour(c, 1, 24 * 40), hour(c, 1, 24 * 47))).isTrue();
        assertThat((Double) a.fields().get("cvRatio")).isLessThan(0.25);
        assertThat((List<?>) a.fields().get("neighbours")).hasSize(5);
        assertThat((String) a.fields().get("longestFlatRunFrom")).endsWith("+08:00");
        assertThat(a.score()).isGreaterThan(0.5);
        assertThat(new VarianceCollapseDetector().screen(c.context(2))).isEmpty();
    }

    @Test
    void decouplingFindsAnInventedWeek() {
        SyntheticCity c = city(50);
        double[] v = c.values(3);
        SplittableRandom rnd = new SplittableRandom(7);
        double z = 0;
        for (int i = 24 * 50; i < 24 * 58; i++) {
            z = 0.95 * z + 0.2 * rnd.nextGaussian();
            v[i] = Math.round(50 * Math.exp(z));
        }
        c.replace(3, v);
        List<Suspicion> s = new DecouplingDetector().screen(c.context(3));
        assertThat(s).isNotEmpty();
        Suspicion a = s.get(0);
        assertThat(a.overlaps(hour(c, 3, 24 * 50), hour(c, 3, 24 * 58))).isTrue();
        assertThat((Double) a.fields().get("neighboursMedianCorrelation")).isGreaterThan(0.7);
        assertThat((Map<?, ?>) a.fields().get("siteCorrelationByNeighbour")).hasSize(5);
        assertThat(new DecouplingDetector().screen(c.context(4))).isEmpty();
    }

    @Test
    void repeatedProfileFindsCopiedDays() {
        SyntheticCity c = city(50);
        double[] v = c.values(4);
        for (int d = 60; d < 63; d++) {
            for (int h = 0; h < 24; h++) {
                v[d * 24 + h] = Math.round(1.1 * v[(d - 10) * 24 + h] + 2);
            }
        }
        c.replace(4, v);
        Suspicion a = single(new RepeatedProfileDetector(), c, 4);
        assertThat(a.fields()).containsEntry("days", 3);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> copies = (List<Map<String, Object>>) a.fields().get("copies");
        assertThat(copies.get(0)).containsEntry("day", "2019-03-03").containsEntry("copiedFrom", "2019-02-21");
        assertThat((Double) copies.get(0).get("scale")).isBetween(1.05, 1.15);
        assertThat(new RepeatedProfileDetector().screen(c.context(5))).isEmpty();
    }

    @Test
    void calibrationJumpFindsAShiftAndItsReturn() {
        SyntheticCity c = city(50);
        double[] v = c.values(5);
        for (int i = 24 * 30; i < 24 * 50; i++) {
            v[i] = Math.round(v[i] * 0.6);
        }
        c.replace(5, v);
        Suspicion a = single(new CalibrationJumpDetector(), c, 5);
        assertThat(a.fields()).containsEntry("jumpDay", "2019-02-01").containsEntry("returnDay", "2019-02-21");
        assertThat((Double) a.fields().get("jumpPercent")).isBetween(-45.0, -30.0);
        assertThat(a.from()).isEqualTo(hour(c, 5, 24 * 30));
        assertThat(a.to()).isEqualTo(hour(c, 5, 24 * 50));
        assertThat(new CalibrationJumpDetector().screen(c.context(0))).isEmpty();
    }

    @Test
    void seriesAlignsOnTheHourAxis() {
        HourlySeries s = new HourlySeries("A", "PM2.5", Instant.parse("2019-01-01T00:00:00Z"), new double[] {1, 2, 3});
        assertThat(s.alignedTo(Instant.parse("2019-01-01T01:00:00Z"), 4)).containsExactly(2, 3, Double.NaN, Double.NaN);
        assertThat(s.indexOf(Instant.parse("2019-01-01T02:30:00Z"))).isEqualTo(2);
        assertThat(s.end()).isEqualTo(Instant.parse("2019-01-01T03:00:00Z"));
        assertThatThrownBy(() -> new HourlySeries("A", "PM2.5", Instant.parse("2019-01-01T00:30:00Z"), new double[1]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void neighboursAreSameCityOrWithinTheRadius() {
        Instant t = Instant.parse("2019-01-01T00:00:00Z");
        Site a = site("A", "X", 39.90, 116.40);
        Site b = site("B", "X", 40.50, 116.40); // same city, 67 km
        Site c = site("C", "Y", 39.95, 116.40); // other city, 5.6 km
        Site d = site("D", "Y", 41.00, 116.40); // other city, far
        Map<Site, HourlySeries> all = Map.of(a, series("A", t), b, series("B", t), c, series("C", t), d,
                series("D", t));
        SiteContext ctx = SiteContext.select(a, all.get(a), all, NeighbourPolicy.defaults());
        assertThat(ctx.neighbours()).extracting(Neighbour::code).containsExactly("C", "B");
        assertThat(ctx.neighbours().get(0).distanceKm()).isBetween(5.0, 6.0);
        SiteContext radiusOnly = SiteContext.select(a, all.get(a), all, new NeighbourPolicy(30, false, 10));
        assertThat(radiusOnly.neighbours()).extracting(Neighbour::code).containsExactly("C");
    }

    @Test
    void suspicionValidatesItsWindowAndScore() {
        Instant t = Instant.parse("2019-01-01T00:00:00Z");
        assertThatThrownBy(() -> new Suspicion("x", "A", "PM2.5", t, t, 0.5, "", Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Suspicion("x", "A", "PM2.5", t, t.plusSeconds(3600), 1.5, "", Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** The one suspicion {@code detector} raises for site {@code k} of the city. */
    private static Suspicion single(Detector detector, SyntheticCity c, int k) {
        List<Suspicion> s = detector.screen(c.context(k));
        assertThat(s).hasSize(1);
        return s.get(0);
    }

    /** The start of hour {@code i} of site {@code k}'s series. */
    private static Instant hour(SyntheticCity c, int k, int i) {
        return c.sites.get(c.site(k)).timeAt(i);
    }

    private static Site site(String code, String city, double lat, double lon) {
        return new Site(code, code, Medium.AIR, null, null, null, city, null, null, lat, lon, false);
    }

    private static HourlySeries series(String code, Instant t) {
        return new HourlySeries(code, "PM2.5", t, new double[] {1, 2, 3});
    }
}
