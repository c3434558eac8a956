package org.envmon.bench.standards;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.envmon.standards.air.AirEdition;
import org.envmon.standards.air.AirQualityIndex;
import org.envmon.standards.air.FastAqi;
import org.envmon.bench.ShortRun;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Hourly (real-time) AQI for a batch of station-hours, single thread. Target: &gt; 10 million station-hours/s on
 * one core with {@link FastAqi}. Score unit: station-hours per second ({@code ops/s} with
 * {@code @OperationsPerInvocation(BATCH)}). The BigDecimal reference is measured for comparison.
 *
 * <pre>java -jar envmon-bench/target/envmon-bench.jar AqiBenchmark -f 1 -wi 2 -w 2s -i 3 -r 3s</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AqiBenchmark extends ShortRun {

    static final int BATCH = 8192;

    @Param({"2012", "2026"})
    public String edition;

    long[] so2 = new long[BATCH];
    long[] no2 = new long[BATCH];
    long[] pm10 = new long[BATCH];
    long[] pm25 = new long[BATCH];
    long[] co = new long[BATCH];
    long[] o3 = new long[BATCH];
    long[] so224 = new long[BATCH];
    int[] out = new int[BATCH];
    AirQualityIndex.HourlyInput[] inputs = new AirQualityIndex.HourlyInput[BATCH];
    FastAqi fast;
    AirEdition ed;

    @Setup(Level.Trial)
    public void setUp() {
        ed = AirEdition.parse(edition);
        fast = FastAqi.of(ed);
        SplittableRandom r = new SplittableRandom(42);
        for (int i = 0; i < BATCH; i++) {
            // realistic magnitudes (integers µg/m3, CO one decimal), ~2 % missing per pollutant
            so2[i] = value(r, 40) * 1000;
            no2[i] = value(r, 120) * 1000;
            pm10[i] = value(r, 250) * 1000;
            pm25[i] = value(r, 180) * 1000;
            co[i] = value(r, 30) * 100;
            o3[i] = value(r, 300) * 1000;
            so224[i] = value(r, 40) * 1000;
            inputs[i] = new AirQualityIndex.HourlyInput(dec(so2[i]), dec(no2[i]), dec(pm10[i]), dec(pm25[i]),
                    dec(co[i]), dec(o3[i]), null, dec(so224[i]));
        }
    }

    private static long value(SplittableRandom r, int max) {
        return r.nextInt(50) == 0 ? -1 : r.nextInt(max);
    }

    private static BigDecimal dec(long milli) {
        return milli < 0 ? null : BigDecimal.valueOf(milli, 3);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int[] fastHourly() {
        fast.hourly(so2, no2, pm10, pm25, co, o3, so224, out, BATCH);
        return out;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void referenceHourly(Blackhole bh) {
        for (int i = 0; i < BATCH; i++) {
            bh.consume(AirQualityIndex.hourly(ed, inputs[i]).aqi());
        }
    }
}
