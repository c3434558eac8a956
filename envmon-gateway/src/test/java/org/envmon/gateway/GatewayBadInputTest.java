package org.envmon.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import org.envmon.hj212.Hj212Encoder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Hostile and broken input over real sockets: garbage, the error budget, split packets that never complete. */
class GatewayBadInputTest extends SocketGatewayFixture {
    static final String MN = GatewayIntegrationTest.MN;
    static final String PW = GatewayIntegrationTest.PW;
    static final LocalDateTime T0 = GatewayIntegrationTest.T0;


    @BeforeEach
    void start() throws Exception {
        openStore(null, null, UnaryOperator.identity());
        gateway = start(GatewayConfig.defaults(0).withErrorBudget(5));
    }

    private Hj212Gateway start(GatewayConfig config) throws Exception {
        Hj212Gateway g = new Hj212Gateway(config, new StationDirectory(store.sites(), Clock.systemUTC()), writer,
                registry, Clock.systemUTC());
        g.start();
        return g;
    }

    private void restart(GatewayConfig config) throws Exception {
        gateway.close();
        registry = new SimpleMeterRegistry();
        gateway = start(config);
    }

    @Test
    void aStreamOfGarbageWithoutHeaderSpendsTheErrorBudget() throws Exception {
        try (TestStation station = new TestStation(gateway.port())) {
            String junk = "AT+CSQ\r\n".repeat(128); // 1,024 bytes, never a "##"
            for (int i = 0; i < 6; i++) {
                station.sendRaw(junk);
            }
            assertThat(station.closedByServer(5_000)).isTrue();
        }
        assertThat(rejected("garbage")).isEqualTo(6);
        assertThat(rejected("error_budget_exceeded")).isEqualTo(1);
        assertThat(registry.counter("envmon.hj212.connections.closed", "reason", "error_budget").count()).isEqualTo(1);
    }

    @Test
    void garbageAndHalfAFrameLeftAtTheEndOfAConnectionAreCounted() throws Exception {
        try (TestStation station = new TestStation(gateway.port())) {
            station.sendRaw("garbage");
        }
        awaitTrue(() -> rejected("garbage") == 1);
        String good = new String(Hj212Encoder.frame(TestStation.segment("20261101080000001", MN, PW, 5, T0, 35)),
                StandardCharsets.US_ASCII);
        try (TestStation station = new TestStation(gateway.port())) {
            station.sendRaw(good.substring(0, 40));
        }
        awaitTrue(() -> rejected("truncated") == 1);
        assertThat(rejected("garbage")).isEqualTo(1);
    }

    @Test
    void framesAfterTheErrorBudgetIsExceededAreNotProcessedEvenInTheSameRead() throws Exception {
        String bad = "##0010abcdefghij0000\r\n";
        String good = new String(Hj212Encoder.frame(TestStation.segment("20261101080000001", MN, PW, 5, T0, 35)),
                StandardCharsets.US_ASCII);
        try (TestStation station = new TestStation(gateway.port())) {
            station.sendRaw(bad.repeat(6) + good); // one write: the 6th bad frame closes, the good one follows
            assertThat(station.closedByServer(5_000)).isTrue();
            assertThat(station.answer(200)).isNull();
        }
        assertThat(rejected("bad_crc")).isEqualTo(6);
        assertThat(registry.counter("envmon.hj212.frames", "outcome", "accepted", "reason", "none").count()).isZero();
        assertThat(store.observations().packetCount()).isZero();
    }

    @Test
    void partsOfAnIncompleteSplitPacketAreNotAcceptedFramesUntilItIsComplete() throws Exception {
        try (TestStation station = new TestStation(gateway.port())) {
            station.send(part(MN, "20261101080000001", 3, 1));
            station.send(part(MN, "20261101080000001", 3, 3));
            awaitTrue(() -> gauge("envmon.hj212.split.pending") == 1);
            assertThat(accepted()).isZero();
            assertThat(gateway.pendingSplitBytes()).isPositive();
            station.send(part(MN, "20261101080000001", 3, 2));
            for (int i = 0; i < 3; i++) {
                assertThat(station.answer(5_000).cn()).isEqualTo("9014");
            }
        }
        assertThat(accepted()).isEqualTo(3);
        assertThat(gateway.pendingSplitBytes()).isZero();
        assertThat(store.observations().packetCount()).isEqualTo(1);
    }

    @Test
    void theSplitPacketAttackHoldsWhatWasSentNotWhatPnumDeclares() throws Exception {
        // 5,000 split packets each declaring PNUM=9999 and sending one part, over 20 connections held open
        List<TestStation> stations = new ArrayList<>();
        long sent = 0;
        try {
            for (int c = 0; c < 20; c++) {
                TestStation s = new TestStation(gateway.port());
                stations.add(s);
                StringBuilder batch = new StringBuilder();
                for (int i = 0; i < 250; i++) {
                    byte[] f = Hj212Encoder.frame(part(MN, String.format("2026110108%02d%02d%03d", c, i / 60, i % 60 * 10),
                            9999, 1));
                    sent += f.length - 2; // held without the CRLF
                    batch.append(new String(f, StandardCharsets.US_ASCII));
                }
                s.sendRaw(batch.toString());
            }
            awaitTrue(() -> gauge("envmon.hj212.split.pending") == 5000);
            long held = gateway.pendingSplitBytes();
            assertThat(held).isBetween(sent, sent + 5000L * 300);
            assertThat(accepted()).isZero();
        } finally {
            for (TestStation s : stations) {
                s.close();
            }
        }
    }

    @Test
    void beyondThePendingBoundTheOldestIncompletePacketsAreDroppedAndCounted() throws Exception {
        restart(GatewayConfig.defaults(0).withMaxPendingSplitBytes(2_000));
        try (TestStation station = new TestStation(gateway.port())) {
            for (int i = 0; i < 10; i++) {
                station.send(part(MN, "202611010800000" + (10 + i), 2, 1));
            }
            awaitTrue(() -> registry.find("envmon.hj212.split.dropped").tag("reason", "evicted").functionCounter()
                    .count() > 0);
            assertThat(gateway.pendingSplitBytes()).isLessThanOrEqualTo(2_000);
            // the newest packet is still held and completes
            station.send(part(MN, "20261101080000019", 2, 2));
            assertThat(station.answer(5_000).cn()).isEqualTo("9014");
        }
        double evicted = registry.find("envmon.hj212.split.dropped").tag("reason", "evicted").functionCounter().count();
        assertThat(registry.find("envmon.hj212.frames").tag("reason", "split_incomplete").functionCounter().count())
                .isEqualTo(evicted);
        assertThat(accepted()).isEqualTo(2);
    }

    /** One part of a split 2061 packet carrying one value. */
    static String part(String mn, String qn, int pnum, int pno) {
        return "QN=" + qn + ";ST=22;CN=2061;PW=" + PW + ";MN=" + mn + ";Flag=7;PNUM=" + pnum + ";PNO=" + pno
                + ";CP=&&DataTime=" + Hj212Encoder.formatTime(T0) + ";a3400" + (pno % 10) + "-Avg=" + pno
                + ",a3400" + (pno % 10) + "-Flag=N&&";
    }

    private double rejected(String reason) {
        return registry.counter("envmon.hj212.frames", "outcome", "rejected", "reason", reason).count();
    }

    private double accepted() {
        return registry.counter("envmon.hj212.frames", "outcome", "accepted", "reason", "none").count();
    }

    private double gauge(String name) {
        return registry.find(name).gauge().value();
    }

    /** Waits for what the event loop does after the test's last write (no timing claim: 10 s is only a deadline). */
    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(condition.getAsBoolean()).isTrue();
    }
}
