package org.envmon.bench.quality;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.envmon.quality.qc.QcOptions;
import org.envmon.quality.qc.QcResult;
import org.envmon.quality.qc.QcRules;
import org.envmon.quality.qc.QualityControl;
import org.envmon.model.Interval;
import org.envmon.model.Medium;
import org.envmon.model.ObservationRow;
import org.envmon.model.Statistic;
import org.envmon.bench.ShortRun;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Automatic QC throughput on the ingest path: values per second through {@link QualityControl#check}, for hourly air
 * packets of 6 values (PM2.5, PM10, SO2, NO2, O3, CO) from 1000 stations in round-robin, every station's hour
 * advancing each round (so the series checks do real work: constant run, rate, spike, PM2.5/PM10 and NO2 pairs).
 *
 * <p>{@code check} builds the packet's six rows the way the HJ 212 mapper does (values from a pre-computed table) and
 * runs QC; {@code rowsOnly} builds the same rows without QC, so QC's own cost is the difference. Scores are values/s
 * (6 per packet, {@link OperationsPerInvocation}).
 *
 * <pre>java -jar envmon-bench/target/envmon-bench.jar QcBenchmark -f 1 -wi 2 -w 2s -i 3 -r 3s</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class QcBenchmark extends ShortRun {
    private static final int STATIONS = 1000;
    private static final int VALUES = 6;
    private static final String[] CODES = {"a34004", "a34002", "a21026", "a21004", "a05024", "a21005"};
    /** Pre-computed value cycles per parameter (period 97 hours), typical of a mid-pollution city. */
    private static final int PERIOD = 97;
    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    private QualityControl qc;
    private String[] sites;
    private double[][] values;
    private int station;
    private long hour;
    private final Instant start = Instant.parse("2020-01-01T00:00:00Z");

    @Setup(Level.Iteration)
    public void setup() {
        qc = new QualityControl(QcRules.defaults(), QcOptions.defaults(), Clock.fixed(NOW, ZoneOffset.UTC));
        sites = new String[STATIONS];
        for (int i = 0; i < STATIONS; i++) {
            sites[i] = String.format("%04dA", 1001 + i);
        }
        java.util.Random rnd = new java.util.Random(42);
        values = new double[PERIOD][VALUES];
        for (int h = 0; h < PERIOD; h++) {
            double pm25 = 10 + rnd.nextInt(150);
            values[h][0] = pm25;
            values[h][1] = pm25 * (1.2 + rnd.nextDouble()) - (rnd.nextInt(30) == 0 ? pm25 : 0); // sometimes PM2.5>PM10
            values[h][2] = 2 + rnd.nextInt(30);
            values[h][3] = 5 + rnd.nextInt(80);
            values[h][4] = rnd.nextInt(250);
            values[h][5] = 0.3 + rnd.nextInt(20) / 10.0;
        }
        station = 0;
        hour = 0;
    }

    private List<ObservationRow> nextPacket() {
        String site = sites[station];
        Instant t = start.plus(Duration.ofHours(hour));
        double[] v = values[(int) ((hour + station) % PERIOD)];
        List<ObservationRow> rows = List.of(
                new ObservationRow(site, CODES[0], Interval.HOUR, Statistic.VALUE, t, v[0], "N"),
                new ObservationRow(site, CODES[1], Interval.HOUR, Statistic.VALUE, t, v[1], "N"),
                new ObservationRow(site, CODES[2], Interval.HOUR, Statistic.VALUE, t, v[2], "N"),
                new ObservationRow(site, CODES[3], Interval.HOUR, Statistic.VALUE, t, v[3], "N"),
                new ObservationRow(site, CODES[4], Interval.HOUR, Statistic.VALUE, t, v[4], "N"),
                new ObservationRow(site, CODES[5], Interval.HOUR, Statistic.VALUE, t, v[5], "N"));
        if (++station == STATIONS) {
            station = 0;
            hour++;
        }
        return rows;
    }

    @Benchmark
    @OperationsPerInvocation(VALUES)
    public QcResult check() {
        return qc.check(Medium.AIR, nextPacket(), NOW);
    }

    @Benchmark
    @OperationsPerInvocation(VALUES)
    public List<ObservationRow> rowsOnly() {
        return nextPacket();
    }
}
