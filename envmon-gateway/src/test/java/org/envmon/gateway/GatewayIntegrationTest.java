package org.envmon.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.envmon.gateway.sim.SimulatorConfig;
import org.envmon.gateway.sim.SimulatorReport;
import org.envmon.gateway.sim.StationSimulator;
import org.envmon.hj212.Hj212Packet;
import org.envmon.store.ForwardingObservationStore;
import org.envmon.model.Interval;
import org.envmon.model.Medium;
import org.envmon.model.Observation;
import org.envmon.model.ObservationQuery;
import org.envmon.model.ObservationStore;
import org.envmon.model.PacketWrite;
import org.envmon.model.PasswordHash;
import org.envmon.model.Site;
import org.envmon.model.Statistic;
import org.envmon.model.StoreException;
import org.envmon.model.WriteOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gateway over real sockets on a real DuckDB store. */
class GatewayIntegrationTest extends SocketGatewayFixture {
    static final String MN = "010000A8900016F000169DC0";
    static final String PW = "100000";
    static final LocalDateTime T0 = LocalDateTime.of(2026, 11, 1, 8, 0, 0);

    /** Lets a test hold or fail commits while using the real store underneath. */
    final AtomicBoolean failCommits = new AtomicBoolean();
    volatile CountDownLatch commitGate = new CountDownLatch(0);

    @BeforeEach
    void start() throws Exception {
        openStore("北京市", "北京", GatedStore::new);
        gateway = new Hj212Gateway(GatewayConfig.defaults(0).withErrorBudget(5), new StationDirectory(store.sites(),
                Clock.systemUTC()), writer, registry, Clock.systemUTC());
        gateway.start();
    }

    @AfterEach
    void releaseCommits() { // before the fixture closes the gateway and the writer
        commitGate.countDown();
    }

    @Test
    void answersOnlyAfterTheDataIsCommitted() throws Exception {
        commitGate = new CountDownLatch(1);
        try (TestStation station = new TestStation(gateway.port())) {
            station.send(TestStation.segment("20261101080000001", MN, PW, 5, T0, 35));
            assertThat(station.answer(500)).as("no answer while the commit is held").isNull();
            assertThat(pm25(T0)).isEmpty();

            commitGate.countDown();
            Hj212Packet answer = station.answer(5_000);
            assertThat(answer).isNotNull();
            assertThat(answer.cn()).isEqualTo("9014");
            assertThat(answer.qn()).isEqualTo("20261101080000001");
            assertThat(pm25(T0)).singleElement().satisfies(o -> {
                assertThat(o.value()).isEqualTo(35.0);
                assertThat(o.flag()).isEqualTo("N");
                assertThat(o.interval()).isEqualTo(Interval.REALTIME);
            });
        }
    }

    @Test
    void packetsWithoutTheAFlagAreStoredButNotAnswered() throws Exception {
        try (TestStation station = new TestStation(gateway.port())) {
            station.send(TestStation.segment("20261101080000001", MN, PW, 4, T0, 12));
            assertThat(station.answer(700)).isNull();
            assertThat(pm25(T0)).hasSize(1);
        }
    }

    @Test
    void aSplitPacketIsStoredWhenAllItsPartsAreHereAndEachPartIsAnswered() throws Exception {
        String head = "QN=20261101080000001;ST=22;CN=2011;PW=" + PW + ";MN=" + MN + ";Flag=7;PNUM=2;PNO=";
        String time = ";CP=&&DataTime=" + org.envmon.hj212.Hj212Encoder.formatTime(T0);
        try (TestStation station = new TestStation(gateway.port())) {
            station.send(head + "1" + time + ";a34004-Rtd=10,a34004-Flag=N&&");
            assertThat(station.answer(700)).as("no answer before the packet is complete").isNull();
            station.send(head + "2" + time + ";a34002-Rtd=20,a34002-Flag=N&&");
            assertThat(station.answer(5_000).cn()).isEqualTo("9014");
            assertThat(station.answer(5_000).cn()).isEqualTo("9014");
        }
        assertThat(store.observations().packetCount()).isEqualTo(1);
        assertThat(pm25(T0)).singleElement().extracting(Observation::value).isEqualTo(10.0);
        assertThat(store.observations().observationCount()).isEqualTo(2);
    }

    @Test
    void unknownMnAndWrongPasswordAreRefusedAndNothingIsStored() throws Exception {
        try (TestStation station = new TestStation(gateway.port())) {
            station.send(TestStation.segment("20261101080000001", "UNKNOWN00000000000000001", PW, 5, T0, 1));
            Hj212Packet refusal = station.answer(5_000);
            assertThat(refusal.cn()).isEqualTo("9011");
            assertThat(refusal.parameter("QnRtn")).isEqualTo("4");

            station.send(TestStation.segment("20261101080000002", MN, "999999", 5, T0, 1));
            refusal = station.answer(5_000);
            assertThat(refusal.cn()).isEqualTo("9011");
            assertThat(refusal.parameter("QnRtn")).isEqualTo("3");
        }
        assertThat(store.observations().packetCount()).isZero();
        assertThat(registry.counter("envmon.hj212.frames", "outcome", "rejected", "reason", "unknown_mn").count())
                .isEqualTo(1);
        assertThat(registry.counter("envmon.hj212.frames", "outcome", "rejected", "reason", "wrong_password")
                .count()).isEqualTo(1);
    }

    @Test
    void aRedeliveredPacketIsAnsweredAgainButStoredOnce() throws Exception {
        String seg = TestStation.segment("20261101080000001", MN, PW, 5, T0, 35);
        try (TestStation station = new TestStation(gateway.port())) {
            station.send(seg);
            assertThat(station.answer(5_000).cn()).isEqualTo("9014");
            station.send(seg);
            assertThat(station.answer(5_000).cn()).isEqualTo("9014");
        }
        assertThat(store.observations().packetCount()).isEqualTo(1);
        assertThat(pm25(T0)).hasSize(1);
    }

    @Test
    void corruptFramesAreCountedAndNotAnsweredAndTheConnectionGoesOn() throws Exception {
        try (TestStation station = new TestStation(gateway.port())) {
            String good = new String(org.envmon.hj212.Hj212Encoder.frame(
                    TestStation.segment("20261101080000001", MN, PW, 5, T0, 35)), java.nio.charset.StandardCharsets.US_ASCII);
            // flip one digit of the value: same length, CRC no longer matches
            String corrupt = good.replace("a34004-Rtd=35.0", "a34004-Rtd=36.0");
            station.sendRaw("garbage\r\n" + corrupt);
            assertThat(station.answer(700)).isNull();
            station.sendRaw(good);
            assertThat(station.answer(5_000).cn()).isEqualTo("9014");
        }
        assertThat(pm25(T0)).singleElement().extracting(Observation::value).isEqualTo(35.0);
        assertThat(registry.counter("envmon.hj212.frames", "outcome", "rejected", "reason", "bad_crc").count())
                .isEqualTo(1);
    }

    @Test
    void aConnectionThatKeepsSendingGarbageIsClosed() throws Exception {
        try (TestStation station = new TestStation(gateway.port())) {
            boolean writeRefused = false;
            for (int i = 0; i < 10 && !writeRefused; i++) {
                try {
                    station.sendRaw("##0010abcdefghij0000\r\n");
                } catch (java.io.IOException closedAlready) {
                    // the server may close before the last frames are written: a broken pipe is that close
                    writeRefused = true;
                }
            }
            assertThat(writeRefused || station.closedByServer(5_000)).isTrue();
        }
    }

    @Test
    void aFailedCommitLeavesThePacketUnansweredAndTheGatewayRunning() throws Exception {
        failCommits.set(true);
        try (TestStation station = new TestStation(gateway.port())) {
            station.send(TestStation.segment("20261101080000001", MN, PW, 5, T0, 35));
            assertThat(station.answer(1_000)).isNull();
            failCommits.set(false);
            // the station resends
            station.send(TestStation.segment("20261101080000001", MN, PW, 5, T0, 35));
            assertThat(station.answer(5_000).cn()).isEqualTo("9014");
        }
        assertThat(pm25(T0)).hasSize(1);
        assertThat(registry.counter("envmon.ingest.commits.failed").count()).isEqualTo(1);
    }

    @Test
    void connectionsAboveTheCapAreClosed() throws Exception {
        gateway.close();
        gateway = new Hj212Gateway(GatewayConfig.defaults(0).withMaxConnections(2),
                new StationDirectory(store.sites(), Clock.systemUTC()), writer, registry, Clock.systemUTC());
        gateway.start();
        try (TestStation a = new TestStation(gateway.port()); TestStation b = new TestStation(gateway.port())) {
            // Connections become active on different event loops: wait until both count before the third.
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (gateway.connectionCount() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(gateway.connectionCount()).isEqualTo(2);
            try (TestStation c = new TestStation(gateway.port())) {
                assertThat(c.closedByServer(5_000)).isTrue();
            }
            assertThat(a.closedByServer(300)).isFalse();
            assertThat(b.closedByServer(300)).isFalse();
        }
    }

    @Test
    void idleConnectionsAreClosed() throws Exception {
        gateway.close();
        gateway = new Hj212Gateway(GatewayConfig.defaults(0).withIdleTimeout(Duration.ofSeconds(1)),
                new StationDirectory(store.sites(), Clock.systemUTC()), writer, registry, Clock.systemUTC());
        gateway.start();
        try (TestStation a = new TestStation(gateway.port())) {
            assertThat(a.closedByServer(5_000)).isTrue();
        }
    }

    @Test
    void aThousandConcurrentStationsLoseNothing() throws Exception {
        int stations = 1000;
        SimulatorConfig config = new SimulatorConfig("127.0.0.1", gateway.port(), stations, Duration.ofMillis(500),
                Duration.ofSeconds(3), "2011", "LOAD", PW, Duration.ofSeconds(20));
        List<Site> sites = new ArrayList<>();
        for (int i = 0; i < stations; i++) {
            sites.add(new Site("L" + i, "Load " + i, Medium.AIR, config.mn(i), PasswordHash.hash(PW), null, null,
                    null, null, null, null, false));
        }
        store.sites().upsert(sites);
        SimulatorReport report = new StationSimulator(config).run();
        assertThat(report.sent()).isGreaterThanOrEqualTo(stations); // every station sent; how many is load, not a test
        assertThat(report.failed()).isZero();
        assertThat(report.refused()).isZero();
        assertThat(report.answered()).isEqualTo(report.sent());
        assertThat(store.observations().packetCount()).isEqualTo(report.sent());
        assertThat(store.observations().observationCount()).isEqualTo(report.valuesSent());
    }

    private List<Observation> pm25(LocalDateTime t) {
        Instant i = t.toInstant(ZoneOffset.ofHours(8));
        return store.observations().query(new ObservationQuery("S1", "a34004", Interval.REALTIME, Statistic.VALUE,
                i, i.plusSeconds(1), 10));
    }

    /** The real store, with a gate a test can hold closed and a switch to make commits fail. */
    private final class GatedStore extends ForwardingObservationStore {
        GatedStore(ObservationStore real) {
            super(real);
        }

        @Override
        public List<WriteOutcome> write(List<PacketWrite> batch) {
            try {
                commitGate.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (failCommits.get()) {
                throw new StoreException("database unavailable (test)");
            }
            return super.write(batch);
        }
    }
}
