package org.envmon.app.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.envmon.evaluation.AirPollutants;
import org.envmon.evaluation.derived.LiveRecompute;
import org.envmon.ingest.GroupCommitWriter;
import org.envmon.ingest.IngestSink;
import org.envmon.ingest.QualityCheckingSink;
import org.envmon.model.DerivedStore;
import org.envmon.model.Interval;
import org.envmon.model.Medium;
import org.envmon.model.Observation;
import org.envmon.model.ObservationQuery;
import org.envmon.model.ObservationRow;
import org.envmon.model.PacketWrite;
import org.envmon.model.RawPacket;
import org.envmon.model.Site;
import org.envmon.model.Statistic;
import org.envmon.model.Store;
import org.envmon.quality.qc.QcOptions;
import org.envmon.quality.qc.QcRules;
import org.envmon.quality.qc.QualityControl;
import org.envmon.store.Stores;
import org.envmon.store.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A stuck monitor on the live path (QC sink, group-commit writer, live recompute): the twelfth equal PM2.5 hour flags
 * the first eleven and the recompute drops them from the station and city rows; a run of eleven flags nothing. On both
 * store engines ({@link StuckMonitorTest}: a real stuck run through the file import).
 */
class StuckMonitorLiveTest {
    private static final ZoneOffset BJ = ZoneOffset.ofHours(8);
    private static final String CITY = "卡滞市";
    private static final LocalDate DAY = LocalDate.of(2024, 6, 1);

    @ParameterizedTest
    @ValueSource(strings = {"duckdb", "postgres"})
    void liveTheTwelfthEqualHourFlagsTheFirstElevenAndTheRecomputeDropsThemARunOfElevenFlagsNothing(String engine) {
        Instant day = DAY.atStartOfDay().toInstant(BJ);
        Clock clock = Clock.fixed(day.plus(Duration.ofHours(20)), BJ);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (TestDatabase db = StuckMonitorTest.db(engine); Store store = Stores.open(db.storeConfig());
                LiveRecompute worker = new LiveRecompute(store, Duration.ZERO, Duration.ofDays(3), clock, registry)) {
            store.sites().upsert(List.of(site("STUCK"), site("ELEVEN")));
            GroupCommitWriter writer = new GroupCommitWriter(store.observations(), 1_000, 200, registry);
            java.util.concurrent.atomic.AtomicInteger committed = new java.util.concurrent.atomic.AtomicInteger();
            org.envmon.ingest.StoredBatches.follow(writer.log(), "live", stored -> {
                worker.committed(stored);
                committed.addAndGet(stored.size());
            }, registry);
            try (IngestSink sink = new QualityCheckingSink(writer, new QualityControl(QcRules.defaults(),
                    QcOptions.defaults(), clock), store.sites(), registry)) {
                // Hours 0..10: STUCK sends PM2.5 80 (11 equal), ELEVEN sends 60 (11 equal).
                send(sink, 0, 11);
                awaitListener(committed, 22);
                worker.runOnce();
                for (int h = 0; h < 11; h++) {
                    assertThat(pm25(store, "STUCK", h)).as("hour " + h + " before the run qualifies").isEqualTo(80_000);
                    assertThat(cityPm25(store, h)).isEqualTo(70_000);
                }
                assertThat(store.quality().qcFlags("STUCK", null, null)).isEmpty();

                // Hour 11: STUCK's 12th equal hour; ELEVEN changes to 61 (its run ended at 11).
                send(sink, 11, 12);
                awaitListener(committed, 24);
                assertThat(worker.runOnce()).isPositive();
            }
            for (int h = 0; h < 12; h++) {
                assertThat(pm25(store, "STUCK", h)).as("STUCK hour " + h).isEqualTo(-1);
                assertThat(pm25(store, "ELEVEN", h)).as("ELEVEN hour " + h).isEqualTo(h < 11 ? 60_000 : 61_000);
                assertThat(cityPm25(store, h)).as("city hour " + h).isEqualTo(h < 11 ? 60_000 : 61_000);
            }
            List<Observation> stuck = store.observations().query(new ObservationQuery("STUCK", "a34004",
                    Interval.HOUR, Statistic.VALUE, day, day.plus(Duration.ofHours(24)), 100));
            assertThat(stuck).hasSize(12).allSatisfy(o -> {
                assertThat(o.effectiveValid()).isFalse();
                assertThat(o.qcCodes()).containsExactly("CONSTANT");
            });
            assertThat(store.quality().qcFlags("STUCK", null, null)).singleElement().satisfies(f -> {
                assertThat(f.from()).isEqualTo(day);
                assertThat(f.to()).isEqualTo(day.plus(Duration.ofHours(11)));
                assertThat(f.runLength()).isEqualTo(12);
            });
            assertThat(store.observations().query(new ObservationQuery("ELEVEN", "a34004", Interval.HOUR,
                    Statistic.VALUE, day, day.plus(Duration.ofHours(24)), 100)))
                    .hasSize(12).allSatisfy(o -> assertThat(o.effectiveValid()).isTrue());
            assertThat(store.quality().qcFlags("ELEVEN", null, null)).isEmpty();
        }
    }

    private static Site site(String code) {
        return new Site(code, code, Medium.AIR, "MN" + code, null, "演示省", CITY, null, null, 30.0, 114.0, false);
    }

    /** Hours [first, end) of both stations as hourly packets through the sink; waits until they are durable. */
    private static void send(IngestSink sink, int first, int end) {
        Instant day = DAY.atStartOfDay().toInstant(BJ);
        List<CompletableFuture<?>> done = new ArrayList<>();
        for (int h = first; h < end; h++) {
            Instant t = day.plus(Duration.ofHours(h));
            for (String station : Set.of("STUCK", "ELEVEN")) {
                double pm25 = station.equals("STUCK") ? 80 : h < 11 ? 60 : 61;
                List<ObservationRow> rows = Stream.of(new Object[][] {{"a34004", pm25}, {"a34002", pm25 + 40 + h},
                        {"a21026", 6.0 + h}, {"a21004", 25.0 + h}, {"a21005", 0.5 + h / 10.0}, {"a05024", 30.0 + h}})
                        .map(p -> new ObservationRow(station, (String) p[0], Interval.HOUR, Statistic.VALUE, t,
                                (Double) p[1], "N")).toList();
                RawPacket raw = new RawPacket(("packet " + station + " " + h).getBytes(StandardCharsets.US_ASCII),
                        "10.0.0.1:1", t.plusSeconds(60), "hj212", "MN" + station, "2061", station + h, station + h,
                        true);
                done.add(sink.submit(new PacketWrite(raw, rows)));
            }
        }
        done.forEach(CompletableFuture::join);
    }

    /** The writer completes the packets' futures before it tells its listeners: wait for them. */
    private static void awaitListener(java.util.concurrent.atomic.AtomicInteger committed, int packets) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (committed.get() < packets && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            Thread.yield();
        }
        assertThat(committed.get()).isEqualTo(packets);
    }

    private static long pm25(Store store, String station, int hour) {
        return hour(store, DerivedStore.Scope.STATION, station, hour).values()[AirPollutants.PM25];
    }

    private static long cityPm25(Store store, int hour) {
        return hour(store, DerivedStore.Scope.CITY, CITY, hour).values()[AirPollutants.PM25];
    }

    private static DerivedStore.Hour hour(Store store, DerivedStore.Scope scope, String code, int hour) {
        Instant t = DAY.atStartOfDay().toInstant(BJ).plus(Duration.ofHours(hour));
        List<DerivedStore.Hour> out = StuckMonitorTest.hours(store, scope, List.of(code), t, t.plusSeconds(3600));
        assertThat(out).as(scope + " " + code + " hour " + hour).hasSize(1);
        return out.get(0);
    }
}
