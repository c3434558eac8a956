package org.envmon.quality.qc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.envmon.quality.qc.QcTestRows.NOW;
import static org.envmon.quality.qc.QcTestRows.T0;
import static org.envmon.quality.qc.QcTestRows.hour;
import static org.envmon.quality.qc.QcTestRows.row;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.envmon.model.Interval;
import org.envmon.model.Medium;
import org.envmon.model.ObservationRow;
import org.envmon.model.PacketWrite;
import org.envmon.model.RawPacket;
import org.envmon.model.Statistic;
import org.junit.jupiter.api.Test;

class QualityControlTest {
    private final QualityControl qc = new QualityControl(QcRules.defaults(), QcOptions.defaults(),
            Clock.fixed(NOW, ZoneOffset.UTC));

    private QcVerdict one(Medium m, ObservationRow r) {
        return qc.check(m, List.of(r), NOW).verdict(0);
    }

    private QcVerdict air(ObservationRow r) {
        return one(Medium.AIR, r);
    }

    /** Feeds one value per call as its own packet and returns the verdict of the last. */
    private QcVerdict series(String site, String code, double... values) {
        QcVerdict last = null;
        for (int i = 0; i < values.length; i++) {
            last = air(hour(site, code, i, values[i]));
        }
        return last;
    }

    @Test
    void instrumentFlags() {
        assertThat(air(hour("s", "a34004", 0, 30, "N"))).isEqualTo(QcVerdict.CLEAN);
        assertThat(air(hour("s", "a34004", 1, 30, null))).isEqualTo(QcVerdict.CLEAN);
        for (String f : new String[] {"F", "M", "S", "D", "C", "B"}) {
            QcVerdict v = air(hour("f" + f, "a34004", 0, 30, f));
            assertThat(v.valid()).as(f).isFalse();
            assertThat(v.codes()).as(f).containsExactly(QcCode.ofInstrumentFlag(f));
        }
        QcVerdict t = air(hour("t", "a34004", 0, 1200, "T"));
        assertThat(t.valid()).isTrue();
        assertThat(t.codes()).containsExactly(QcCode.FLAG_OVER_RANGE);
        assertThat(air(hour("x", "a34004", 0, 30, "Z")).codes()).containsExactly(QcCode.FLAG_UNKNOWN);
    }

    @Test
    void rangeAtAndPastTheLimits() {
        assertThat(air(hour("a", "a34004", 0, 3000))).isEqualTo(QcVerdict.CLEAN);
        assertThat(air(hour("b", "a34004", 0, 3000.001)).codes()).containsExactly(QcCode.ABOVE_RANGE);
        assertThat(air(hour("c", "a34004", 0, 0.0)).codes()).containsExactly(QcCode.BELOW_DETECTION_LIMIT);
        assertThat(air(hour("d", "a34004", 0, -0.001)).codes()).containsExactly(QcCode.NEGATIVE);
        assertThat(air(hour("d2", "a34004", 0, -0.001)).valid()).isFalse();
        assertThat(air(hour("e", "a01001", 0, -60))).isEqualTo(QcVerdict.CLEAN);
        assertThat(air(hour("f", "a01001", 0, -60.01)).codes()).containsExactly(QcCode.BELOW_RANGE);
        assertThat(air(hour("g", "a01001", 0, -5))).isEqualTo(QcVerdict.CLEAN); // negative allowed for temperature
        assertThat(air(hour("h", "a34004", 0, Double.NaN)).codes()).containsExactly(QcCode.NOT_A_NUMBER);
        assertThat(air(hour("i", "a34004", 0, Double.POSITIVE_INFINITY)).valid()).isFalse();
    }

    @Test
    void detectionLimitIsAWarning() {
        QcVerdict below = air(hour("a", "a34004", 0, 1.99));
        assertThat(below.codes()).containsExactly(QcCode.BELOW_DETECTION_LIMIT);
        assertThat(below.valid()).isTrue();
        assertThat(air(hour("b", "a34004", 0, 2.0))).isEqualTo(QcVerdict.CLEAN);
        assertThat(one(Medium.SURFACE_WATER, hour("w", "w21003", 0, 0.024)).codes())
                .containsExactly(QcCode.BELOW_DETECTION_LIMIT);
        assertThat(one(Medium.SURFACE_WATER, hour("w2", "w21003", 0, 0.025))).isEqualTo(QcVerdict.CLEAN);
    }

    @Test
    void cumulativeValuesGetOnlyTheNegativeCheck() {
        Instant t = T0;
        assertThat(air(row("c", "a34004", Interval.HOUR, Statistic.COU, t, 1e9, "N"))).isEqualTo(QcVerdict.CLEAN);
        assertThat(air(row("c", "a34004", Interval.HOUR, Statistic.COU, t.plusSeconds(3600), -1, "N")).codes())
                .containsExactly(QcCode.NEGATIVE);
        assertThat(air(row("c", "a34004", Interval.HOUR, Statistic.MAX, t, 5000, "N")).codes())
                .containsExactly(QcCode.ABOVE_RANGE);
    }

    @Test
    void futureTimeAtAndPastTheTolerance() {
        Instant edge = NOW.plus(Duration.ofMinutes(10));
        assertThat(air(row("a", "a34004", Interval.HOUR, Statistic.VALUE, edge, 30, "N"))).isEqualTo(QcVerdict.CLEAN);
        QcVerdict v = air(row("b", "a34004", Interval.HOUR, Statistic.VALUE, edge.plusMillis(1), 30, "N"));
        assertThat(v.codes()).containsExactly(QcCode.FUTURE_TIME);
        assertThat(v.valid()).isFalse();
        // the future value did not enter the series: the correct next value is not out of order
        assertThat(air(row("b", "a34004", Interval.HOUR, Statistic.VALUE, NOW.minusSeconds(3600), 30, "N")))
                .isEqualTo(QcVerdict.CLEAN);
    }

    @Test
    void futureUsesTheClockForPackets() {
        RawPacket raw = new RawPacket(new byte[0], "p", NOW, "hj212", "MN", "2061", "1", "k", true);
        ObservationRow r = row("a", "a34004", Interval.HOUR, Statistic.VALUE, NOW.plus(Duration.ofMinutes(11)), 3, "N");
        assertThat(qc.check(Medium.AIR, new PacketWrite(raw, List.of(r))).verdict(0).codes())
                .containsExactly(QcCode.FUTURE_TIME);
    }

    @Test
    void constantFromTheNthEqualValue() {
        double[] eleven = new double[11];
        java.util.Arrays.fill(eleven, 6);
        assertThat(series("c11", "a34004", eleven)).isEqualTo(QcVerdict.CLEAN);
        double[] twelve = new double[12];
        java.util.Arrays.fill(twelve, 6);
        QcVerdict v = series("c12", "a34004", twelve);
        assertThat(v.codes()).containsExactly(QcCode.CONSTANT);
        assertThat(v.valid()).isFalse();
        // at the constant_min (5) the run is not flagged
        java.util.Arrays.fill(twelve, 5);
        assertThat(series("c5", "a34004", twelve)).isEqualTo(QcVerdict.CLEAN);
        // a different value breaks the run
        double[] broken = {6, 6, 6, 6, 6, 6, 7, 6, 6, 6, 6, 6, 6};
        assertThat(series("cb", "a34004", broken)).isEqualTo(QcVerdict.CLEAN);
        // and the 13th, 14th... stay flagged
        assertThat(air(hour("c12", "a34004", 12, 6)).codes()).containsExactly(QcCode.CONSTANT);
    }

    /** Feeds one value per call as its own packet; the retroactive flags of every call, in order. */
    private List<org.envmon.model.QcFlag> flagsOfSeries(String site, int firstHour, double... values) {
        List<org.envmon.model.QcFlag> out = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            out.addAll(qc.check(Medium.AIR, List.of(hour(site, "a34004", firstHour + i, values[i])), NOW)
                    .retroactiveFlags());
        }
        return out;
    }

    @Test
    void aRunThatReachesTheThresholdFlagsItsEarlierValuesFromItsFirst() {
        double[] run = new double[14];
        java.util.Arrays.fill(run, 6);
        run[0] = 9; // the run starts at hour 1
        List<org.envmon.model.QcFlag> flags = flagsOfSeries("r12", 0, run);
        assertThat(flags).hasSize(1); // once, when it reaches 12; the 13th is flagged as it comes
        org.envmon.model.QcFlag f = flags.get(0);
        assertThat(f.siteCode()).isEqualTo("r12");
        assertThat(f.parameter()).isEqualTo("a34004");
        assertThat(f.interval()).isEqualTo(Interval.HOUR);
        assertThat(f.code()).isEqualTo("CONSTANT");
        assertThat(f.from()).isEqualTo(T0.plusSeconds(3600)); // the run's first value
        assertThat(f.to()).isEqualTo(T0.plusSeconds(12 * 3600)); // the 12th value, which carries its own code
        assertThat(f.runLength()).isEqualTo(12);
        assertThat(f.runValue()).isEqualTo(6.0);
        // the packet that completes the run carries the flag
        QcResult twelfth = qc.check(Medium.AIR, List.of(hour("r12b", "a34004", 0, 7)), NOW);
        for (int h = 1; h < 12; h++) {
            twelfth = qc.check(Medium.AIR, List.of(hour("r12b", "a34004", h, 7)), NOW);
        }
        assertThat(twelfth.retroactiveFlags()).singleElement().extracting(org.envmon.model.QcFlag::runLength)
                .isEqualTo(12);
        assertThat(twelfth.verdict(0).codes()).containsExactly(QcCode.CONSTANT);
    }

    @Test
    void aRunThatEndsBelowTheThresholdFlagsNothing() {
        double[] eleven = {6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 7, 7};
        assertThat(flagsOfSeries("r11", 0, eleven)).isEmpty();
        double[] atMin = new double[13];
        java.util.Arrays.fill(atMin, 5); // at constant_min: rounding repeats, not a stuck monitor
        assertThat(flagsOfSeries("r5", 0, atMin)).isEmpty();
    }

    @Test
    void rateOfChangeAtAndPastTheLimit() {
        QcVerdict at = series("r1", "a34004", 10, 1510);
        assertThat(at.codes()).containsExactly(QcCode.SPIKE); // |change| = 1500 is allowed, but it is a jump
        QcVerdict past = series("r2", "a34004", 10, 1510.5);
        assertThat(past.codes()).contains(QcCode.RATE_OF_CHANGE);
        assertThat(past.valid()).isFalse();
        // downwards too
        assertThat(series("r3", "a34004", 1600, 99.5).codes()).containsExactly(QcCode.RATE_OF_CHANGE);
        // the impossible value did not become the baseline: the next normal value is clean
        assertThat(air(hour("r2", "a34004", 2, 12))).isEqualTo(QcVerdict.CLEAN);
    }

    @Test
    void rateAndSpikeOnlyAcrossTheMaxGap() {
        assertThat(air(hour("g", "a34004", 0, 10))).isEqualTo(QcVerdict.CLEAN);
        assertThat(air(hour("g", "a34004", 2, 1600))).isEqualTo(QcVerdict.CLEAN); // 2 h later: not compared
        // water compares across the 4-hourly cadence
        assertThat(one(Medium.SURFACE_WATER, hour("w", "w01001", 0, 7.0))).isEqualTo(QcVerdict.CLEAN);
        assertThat(one(Medium.SURFACE_WATER, hour("w", "w01001", 4, 10.0))).isEqualTo(QcVerdict.CLEAN);
        assertThat(one(Medium.SURFACE_WATER, hour("w", "w01001", 8, 6.99)).codes())
                .containsExactly(QcCode.RATE_OF_CHANGE);
    }

    @Test
    void spikeAtAndPastTheThreshold() {
        assertThat(series("s1", "a34004", 30, 120)).isEqualTo(QcVerdict.CLEAN); // 4x but only +90
        QcVerdict s = series("s2", "a34004", 40, 160); // 4x and +120
        assertThat(s.codes()).containsExactly(QcCode.SPIKE);
        assertThat(s.valid()).isTrue();
        assertThat(series("s3", "a34004", 40, 159.9)).isEqualTo(QcVerdict.CLEAN); // +119.9 but 3.998x
        assertThat(series("s4", "a34004", 100, 200)).isEqualTo(QcVerdict.CLEAN); // +100 but 2x
    }

    @Test
    void noSeriesChecksOnAnInvalidValue() {
        // maintenance value 0 after 500: no rate code, and it does not become the baseline
        assertThat(series("m", "a34004", 500).valid()).isTrue();
        assertThat(air(hour("m", "a34004", 1, 1900, "M")).codes()).containsExactly(QcCode.FLAG_MAINTENANCE);
        assertThat(air(hour("m", "a34004", 2, 490))).isEqualTo(QcVerdict.CLEAN);
    }

    @Test
    void outOfOrderAndDuplicateTimes() {
        assertThat(air(hour("o", "a34004", 0, 30))).isEqualTo(QcVerdict.CLEAN);
        assertThat(air(hour("o", "a34004", 2, 31))).isEqualTo(QcVerdict.CLEAN);
        QcVerdict old = air(hour("o", "a34004", 1, 31));
        assertThat(old.codes()).containsExactly(QcCode.OUT_OF_ORDER);
        assertThat(old.valid()).isTrue();
        QcVerdict dup = air(hour("o", "a34004", 2, 31));
        assertThat(dup.codes()).containsExactly(QcCode.DUPLICATE_TIME);
        assertThat(dup.valid()).isFalse();
        assertThat(air(hour("o", "a34004", 3, 32))).isEqualTo(QcVerdict.CLEAN);
        // series are per site, parameter and interval
        assertThat(air(hour("o2", "a34004", 2, 31))).isEqualTo(QcVerdict.CLEAN);
        assertThat(air(hour("o", "a34002", 2, 31))).isEqualTo(QcVerdict.CLEAN);
        assertThat(air(row("o", "a34004", Interval.DAY, Statistic.VALUE, T0.plusSeconds(7200), 31, "N")))
                .isEqualTo(QcVerdict.CLEAN);
    }

    @Test
    void onlyValueRowsGetSeriesChecks() {
        Instant t = T0;
        List<ObservationRow> p = List.of(
                row("v", "a34004", Interval.HOUR, Statistic.VALUE, t, 30, "N"),
                row("v", "a34004", Interval.HOUR, Statistic.MIN, t, 10, "N"),
                row("v", "a34004", Interval.HOUR, Statistic.MAX, t, 50, "N"));
        assertThat(qc.check(Medium.AIR, p, NOW).masks()).containsExactly(0, 0, 0);
        QcResult again = qc.check(Medium.AIR, p, NOW);
        assertThat(again.verdict(0).codes()).containsExactly(QcCode.DUPLICATE_TIME);
        assertThat(again.mask(1)).isZero();
        assertThat(again.mask(2)).isZero();
    }

    @Test
    void unknownParameterGetsFlagAndOrderChecksOnly() {
        assertThat(air(hour("u", "zz999", 0, -5))).isEqualTo(QcVerdict.CLEAN);
        assertThat(air(hour("u", "zz999", 1, 1e12, "D")).codes()).containsExactly(QcCode.FLAG_FAULT);
        assertThat(air(hour("u", "zz999", 1, 3)).codes()).containsExactly(QcCode.DUPLICATE_TIME);
    }

    @Test
    void crossParameterChecksMarkBothValues() {
        QcResult r = qc.check(Medium.AIR, List.of(
                hour("x", "a34004", 0, 50), hour("x", "a34002", 0, 49),
                hour("x", "a21004", 0, 40), hour("x", "a21002", 0, 40),
                hour("x", "a21026", 0, 9)), NOW);
        assertThat(r.verdict(0).codes()).containsExactly(QcCode.PM25_ABOVE_PM10);
        assertThat(r.verdict(1).codes()).containsExactly(QcCode.PM25_ABOVE_PM10);
        assertThat(r.valid(0)).isTrue();
        assertThat(r.mask(2)).isZero(); // NO2 == NOx is fine
        assertThat(r.mask(3)).isZero();
        assertThat(r.mask(4)).isZero();
        QcResult no2 = qc.check(Medium.AIR, List.of(hour("y", "a21002", 0, 40), hour("y", "a21004", 0, 40.5)), NOW);
        assertThat(no2.verdict(0).codes()).containsExactly(QcCode.NO2_ABOVE_NOX);
        assertThat(no2.verdict(1).codes()).containsExactly(QcCode.NO2_ABOVE_NOX);
        QcResult water = qc.check(Medium.SURFACE_WATER,
                List.of(hour("w", "w21003", 0, 2.5), hour("w", "w21001", 0, 2.4), hour("w", "w21011", 0, 0.1)), NOW);
        assertThat(water.verdict(0).codes()).containsExactly(QcCode.PART_ABOVE_TOTAL);
        assertThat(water.verdict(1).codes()).containsExactly(QcCode.PART_ABOVE_TOTAL);
        assertThat(water.mask(2)).isZero();
    }

    @Test
    void crossParameterNeedsSameTimeAndValidValues() {
        QcResult diffTime = qc.check(Medium.AIR, List.of(hour("a", "a34004", 0, 50), hour("a", "a34002", 1, 40)), NOW);
        assertThat(diffTime.masks()).containsExactly(0, 0);
        QcResult maint = qc.check(Medium.AIR,
                List.of(hour("b", "a34004", 0, 50), hour("b", "a34002", 0, 40, "M")), NOW);
        assertThat(maint.mask(0)).isZero();
        assertThat(maint.verdict(1).codes()).containsExactly(QcCode.FLAG_MAINTENANCE);
        QcResult minMax = qc.check(Medium.AIR, List.of(
                row("c", "a34004", Interval.HOUR, Statistic.MAX, T0, 50, "N"),
                row("c", "a34002", Interval.HOUR, Statistic.MAX, T0, 40, "N")), NOW);
        assertThat(minMax.masks()).containsExactly(0, 0);
    }

    @Test
    void rawRowsAreNotChanged() {
        List<ObservationRow> p = List.of(hour("r", "a34004", 0, -3, "M"), hour("r", "a34002", 0, 99999));
        List<ObservationRow> copy = new ArrayList<>(p);
        qc.check(Medium.AIR, p, NOW);
        assertThat(p).isEqualTo(copy);
    }

    @Test
    void memoryIsBounded() {
        QualityControl small = new QualityControl(QcRules.defaults(), new QcOptions(Duration.ofMinutes(10), 32, 4),
                Clock.fixed(NOW, ZoneOffset.UTC));
        for (int s = 0; s < 1000; s++) {
            small.check(Medium.AIR, List.of(hour("site" + s, "a34004", 0, 10)), NOW);
        }
        assertThat(small.trackedSites()).isLessThanOrEqualTo(32);
        // a site with more series than the cap forgets the oldest: its next value is fresh, not a duplicate
        for (int c = 0; c < 6; c++) {
            small.check(Medium.AIR, List.of(hour("many", "p" + c, 0, 1)), NOW);
        }
        assertThat(small.check(Medium.AIR, List.of(hour("many", "p0", 0, 1)), NOW).mask(0)).isZero();
        assertThat(small.check(Medium.AIR, List.of(hour("many", "p5", 0, 1)), NOW).verdict(0).codes())
                .containsExactly(QcCode.DUPLICATE_TIME);
    }

    @Test
    void concurrentSitesGiveTheSameVerdictsAsSequential() throws Exception {
        int sites = 8;
        int hours = 400;
        List<List<List<ObservationRow>>> packets = new ArrayList<>();
        for (int s = 0; s < sites; s++) {
            List<List<ObservationRow>> ps = new ArrayList<>();
            java.util.Random rnd = new java.util.Random(s);
            for (int h = 0; h < hours; h++) {
                double pm25 = rnd.nextInt(300);
                ps.add(List.of(hour("cs" + s, "a34004", h, pm25), hour("cs" + s, "a34002", h, pm25 + rnd.nextInt(60) - 10),
                        hour("cs" + s, "a21026", h, rnd.nextInt(4) == 0 ? 12 : rnd.nextInt(50))));
            }
            packets.add(ps);
        }
        QualityControl seq = new QualityControl(QcRules.defaults(), QcOptions.defaults(), Clock.systemUTC());
        List<List<QcResult>> expected = new ArrayList<>();
        for (List<List<ObservationRow>> ps : packets) {
            List<QcResult> rs = new ArrayList<>();
            for (List<ObservationRow> p : ps) {
                rs.add(seq.check(Medium.AIR, p, NOW));
            }
            expected.add(rs);
        }
        QualityControl par = new QualityControl(QcRules.defaults(), QcOptions.defaults(), Clock.systemUTC());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<QcResult>>> fs = new ArrayList<>();
            for (List<List<ObservationRow>> ps : packets) {
                fs.add(pool.submit(() -> {
                    List<QcResult> rs = new ArrayList<>();
                    for (List<ObservationRow> p : ps) {
                        rs.add(par.check(Medium.AIR, p, NOW));
                    }
                    return rs;
                }));
            }
            for (int s = 0; s < sites; s++) {
                assertThat(fs.get(s).get()).isEqualTo(expected.get(s));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
