package org.envmon.bench.store;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.envmon.model.Interval;
import org.envmon.model.ObservationRow;
import org.envmon.model.PacketWrite;
import org.envmon.model.RawPacket;
import org.envmon.model.Statistic;
import org.envmon.model.Store;
import org.envmon.model.WriteOutcome;
import org.envmon.store.Stores;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * Write throughput of {@code ObservationStore.write} with gateway-like group-commit batches: many stations
 * (distinct MNs), HJ 212-sized frames, a few values per packet, a unique dedup key per packet (MN|CN|QN) and a
 * small share of redeliveries. Each engine starts from an empty database (a temp directory for DuckDB, a fresh
 * schema for PostgreSQL that is dropped afterwards).
 *
 * <pre>
 * java -cp envmon-bench/target/envmon-bench.jar org.envmon.bench.store.StoreWriteBenchmark \
 *     [--engines duckdb,postgres] [--seconds 15] [--warmup 3] [--packets 1000] [--values 10] [--sites 2000] \
 *     [--pg-url jdbc:postgresql://127.0.0.1:5432/test?user=postgres]
 * </pre>
 */
public final class StoreWriteBenchmark {
    private static final String[] PARAMETERS = {
        "a21026", "a21004", "a21005", "a34002", "a34004", "a05024", "a01001", "a01002", "a01006", "a01007",
        "a01008", "a21003", "a21002", "a24088", "a99054", "a19001", "a01011", "a01012", "a01013", "a01014",
    };
    private static final DateTimeFormatter DATA_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    @Option(names = "--engines") private String engines = "duckdb,postgres";
    @Option(names = "--seconds") private int seconds = 15;
    @Option(names = "--warmup") private int warmupSeconds = 3;
    @Option(names = "--packets") private int packetsPerBatch = 1000;
    @Option(names = "--values") private int valuesPerPacket = 10;
    @Option(names = "--sites") private int sites = 2000;
    @Option(names = "--pg-url") private String pgUrl = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    private long packetSeq;

    public static void main(String[] args) throws Exception {
        StoreWriteBenchmark b = CommandLine.populateCommand(new StoreWriteBenchmark(), args);
        for (String engine : b.engines.split(",")) {
            b.run(engine.trim().toLowerCase(Locale.ROOT));
        }
    }

    private void run(String engine) throws Exception {
        packetSeq = 0;
        try (ScratchStore scratch = ScratchStore.create(engine, pgUrl); Store store = Stores.open(scratch.config())) {
            measure(store, warmupSeconds, false);
            measure(store, seconds, true);
            System.out.printf(Locale.ROOT, "%-8s store holds %,d packets, %,d values%n", engine,
                    store.observations().packetCount(), store.observations().observationCount());
        }
    }

    private void measure(Store store, int durationSeconds, boolean report) {
        long deadline = System.nanoTime() + durationSeconds * 1_000_000_000L;
        long values = 0;
        long packets = 0;
        long duplicates = 0;
        long batches = 0;
        long writeNanos = 0;
        long maxBatchNanos = 0;
        List<PacketWrite> previous = List.of();
        while (System.nanoTime() < deadline) {
            List<PacketWrite> batch = batch(previous);
            long start = System.nanoTime();
            List<WriteOutcome> outcomes = store.observations().write(batch);
            long took = System.nanoTime() - start;
            writeNanos += took;
            maxBatchNanos = Math.max(maxBatchNanos, took);
            batches++;
            for (int i = 0; i < batch.size(); i++) {
                if (outcomes.get(i).status() == WriteOutcome.Status.STORED) {
                    packets++;
                    values += batch.get(i).observations().size();
                } else {
                    duplicates++;
                }
            }
            previous = batch;
        }
        if (report) {
            double sec = writeNanos / 1e9;
            System.out.printf(Locale.ROOT,
                    "%-8s batch %d packets x %d values: %,.0f values/s, %,.0f packets/s (%d batches, mean %.1f ms,"
                            + " max %.1f ms, %d duplicates skipped)%n",
                    store.engine(), packetsPerBatch, valuesPerPacket, values / sec, packets / sec, batches,
                    writeNanos / 1e6 / batches, maxBatchNanos / 1e6, duplicates);
        }
    }

    /** One group-commit batch; about 0.5 % of packets are redeliveries of packets of the previous batch. */
    private List<PacketWrite> batch(List<PacketWrite> previous) {
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        List<PacketWrite> batch = new ArrayList<>(packetsPerBatch);
        Instant received = Instant.now();
        for (int p = 0; p < packetsPerBatch; p++) {
            if (!previous.isEmpty() && rnd.nextInt(200) == 0) {
                batch.add(previous.get(rnd.nextInt(previous.size())));
                continue;
            }
            long seq = packetSeq++;
            int site = (int) (seq % sites);
            String mn = String.format(Locale.ROOT, "88888880%06d", site);
            Instant dataTime = Instant.parse("2024-01-01T00:00:00Z").plusSeconds(60 * (seq / sites));
            String qn = DATA_TIME.format(LocalDateTime.ofInstant(dataTime, ZoneOffset.UTC)) + "000";
            StringBuilder cp = new StringBuilder("DataTime=").append(qn, 0, 14);
            List<ObservationRow> rows = new ArrayList<>(valuesPerPacket);
            for (int v = 0; v < valuesPerPacket; v++) {
                String parameter = PARAMETERS[v % PARAMETERS.length] + (v < PARAMETERS.length ? "" : "_" + v);
                double value = Math.round(rnd.nextDouble(0, 500) * 1000) / 1000.0;
                rows.add(new ObservationRow("S" + site, parameter, Interval.MINUTE, Statistic.VALUE, dataTime,
                        value, "N"));
                cp.append(';').append(parameter).append("-Avg=").append(value).append(',').append(parameter)
                        .append("-Flag=N");
            }
            String frame = "QN=" + qn + ";ST=22;CN=2051;PW=123456;MN=" + mn + ";Flag=5;CP=&&" + cp + "&&";
            byte[] bytes = String.format(Locale.ROOT, "##%04d%s%04X\r\n", frame.length(), frame, frame.hashCode() & 0xffff)
                    .getBytes(StandardCharsets.US_ASCII);
            RawPacket packet = new RawPacket(bytes, "10.1." + (site / 250) + "." + (site % 250) + ":40000", received,
                    "hj212", mn, "2051", qn, mn + "|2051|" + qn, true);
            batch.add(new PacketWrite(packet, rows));
        }
        return batch;
    }
}
