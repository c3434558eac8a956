package org.envmon.evaluation.derived;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.envmon.evaluation.AirPollutants;
import org.envmon.model.DerivedStore;
import org.envmon.store.DuckDbStorePerTest;
import org.envmon.model.Interval;
import org.envmon.model.Medium;
import org.envmon.model.ObservationRow;
import org.envmon.model.PacketWrite;
import org.envmon.model.RawPacket;
import org.envmon.model.Site;
import org.envmon.model.Statistic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The live worker: committed batches → derived rows; old hours flagged late; imports left to their command. */
class LiveRecomputeTest extends DuckDbStorePerTest {
    private static final Instant NOW = Instant.parse("2026-11-28T12:30:00Z");
    private LiveRecompute worker;
    private final List<AirDerivation.CityDays> seen = new ArrayList<>();

    @BeforeEach
    void setUp() {
        store.sites().upsert(List.of(
                new Site("A", "甲", Medium.AIR, "MNA", null, "省", "测试市", null, null, 30.0, 114.0, false),
                new Site("B", "乙", Medium.AIR, "MNB", null, "省", "测试市", null, null, 30.0, 114.0, false)));
        worker = new LiveRecompute(store, Duration.ofSeconds(1), Duration.ofDays(3), Clock.fixed(NOW, ZoneOffset.UTC),
                new SimpleMeterRegistry());
        worker.addConsumer(seen::add);
    }

    @AfterEach
    void tearDown() {
        worker.close();
    }

    private List<PacketWrite> packet(String site, Instant hour, double pm25, String source) {
        List<ObservationRow> rows = new ArrayList<>();
        for (int p = 0; p < AirPollutants.COUNT; p++) {
            rows.add(new ObservationRow(site, AirPollutants.CODES.get(p), Interval.HOUR, Statistic.VALUE, hour,
                    p == AirPollutants.PM25 ? pm25 : p == AirPollutants.CO ? 0.8 : 40, "N"));
        }
        byte[] raw = (site + hour + source).getBytes(StandardCharsets.US_ASCII);
        List<PacketWrite> w = List.of(new PacketWrite(new RawPacket(raw, "test", NOW, source, "MN" + site, "2061",
                site + hour, site + hour + source, true), rows));
        store.observations().write(w);
        return w;
    }

    @Test
    void liveHoursAreRecomputedAndHandedToConsumers() {
        Instant h = NOW.truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(2));
        worker.committed(packet("A", h, 160, "hj212"));
        worker.committed(packet("B", h, 40, "hj212"));
        assertThat(worker.runOnce()).isEqualTo(2); // (site, hour) keys
        List<DerivedStore.Hour> city = new ArrayList<>();
        store.derived().hours(DerivedStore.Scope.CITY, List.of("测试市"), h, h.plusSeconds(3600), city::add);
        assertThat(city).hasSize(1);
        assertThat(city.get(0).values()[AirPollutants.PM25]).isEqualTo(100_000); // mean of 160 and 40
        assertThat(city.get(0).stations()).isEqualTo(2);
        assertThat(city.get(0).aqi()).isGreaterThan(100); // PM2.5 100 µg/m³ is above level 2 in both editions
        assertThat(city.get(0).primaryMask()).isEqualTo(1 << AirPollutants.PM25);
        assertThat(seen).extracting(AirDerivation.CityDays::city).containsExactly("测试市");
        assertThat(worker.runOnce()).isZero();
    }

    @Test
    void hoursOlderThanTheWindowAreFlaggedLateNotRecomputed() {
        Instant old = NOW.truncatedTo(ChronoUnit.HOURS).minus(Duration.ofDays(5));
        worker.committed(packet("A", old, 80, "hj212"));
        assertThat(worker.runOnce()).isZero();
        assertThat(store.derived().late(10)).extracting(DerivedStore.Late::site, DerivedStore.Late::hour)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("A", old));
        assertThat(store.derived().count(DerivedStore.Scope.STATION)).containsExactly(0, 0);
    }

    @Test
    void fileImportsAreLeftToTheirCommand() {
        worker.committed(packet("A", NOW.truncatedTo(ChronoUnit.HOURS).minus(Duration.ofDays(5)), 80,
                "import:cnemc"));
        worker.committed(packet("A", NOW.truncatedTo(ChronoUnit.HOURS), 80, "import:cnemc"));
        assertThat(worker.runOnce()).isZero();
        assertThat(store.derived().late(10)).isEmpty();
    }
}
