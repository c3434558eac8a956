package org.envmon.bench.standards;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.envmon.standards.air.AirEdition;
import org.envmon.standards.air.AirQualityEvaluation;
import org.envmon.standards.air.AirQualityEvaluation.DailyValues;
import org.envmon.standards.air.FastAnnualEvaluation;
import org.envmon.standards.air.FastAqi;
import org.envmon.standards.air.Gb3095Stage;
import org.envmon.bench.ShortRun;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Annual HJ 663 evaluation (means, percentiles, completeness, compliance, good-day share, composite index) of 365
 * daily values for 1,734 stations, single thread. Target: &lt; 50 ms per run (fast path). Score: ms per run (all stations).
 *
 * <pre>java -jar envmon-bench/target/envmon-bench.jar AnnualEvaluationBenchmark -f 1 -wi 2 -w 2s -i 3 -r 3s</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class AnnualEvaluationBenchmark extends ShortRun {

    static final int STATIONS = 1734;

    List<List<DailyValues>> stations = new ArrayList<>();
    long[][][] scaled = new long[STATIONS][][];
    static final LocalDate FIRST = LocalDate.of(2025, 1, 1);

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom r = new SplittableRandom(7);
        for (int s = 0; s < STATIONS; s++) {
            List<DailyValues> days = new ArrayList<>(365);
            for (LocalDate d = FIRST; d.getYear() == 2025; d = d.plusDays(1)) {
                days.add(new DailyValues(d, v(r, 30), v(r, 80), v(r, 200), v(r, 150),
                        BigDecimal.valueOf(r.nextInt(30), 1), v(r, 250), null, false));
            }
            stations.add(days);
            long[][] v = new long[6][365];
            for (int i = 0; i < 365; i++) {
                DailyValues x = days.get(i);
                BigDecimal[] b = {x.so2(), x.no2(), x.pm10(), x.pm25(), x.co(), x.o3_8h()};
                for (int p = 0; p < 6; p++) {
                    v[p][i] = FastAqi.toMilli(b[p]);
                }
            }
            scaled[s] = v;
        }
    }

    private static BigDecimal v(SplittableRandom r, int max) {
        return r.nextInt(100) == 0 ? null : BigDecimal.valueOf(r.nextInt(max));
    }

    /** Fast exact path ({@link FastAnnualEvaluation}); the target applies to this one. */
    @Benchmark
    public void fastAnnual1734Stations(Blackhole bh) {
        for (long[][] v : scaled) {
            bh.consume(FastAnnualEvaluation.evaluate(AirEdition.E2012, Gb3095Stage.GB3095_2012, FIRST, v, null,
                    null, AirQualityEvaluation.ExceptionalEvents.INCLUDE));
        }
    }

    /** BigDecimal reference, for comparison. */
    @Benchmark
    public void referenceAnnual1734Stations(Blackhole bh) {
        for (List<DailyValues> days : stations) {
            bh.consume(AirQualityEvaluation.evaluate(AirEdition.E2012, Gb3095Stage.GB3095_2012, days,
                    AirQualityEvaluation.ExceptionalEvents.INCLUDE));
        }
    }
}
