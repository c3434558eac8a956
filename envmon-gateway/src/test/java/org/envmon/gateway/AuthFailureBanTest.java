package org.envmon.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.function.UnaryOperator;
import org.envmon.testkit.MovableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Failed station authentications per peer address over real sockets: beyond the limit a minute the connection is
 * closed and the address refused at connect until the ban ends (a clock the test moves), even with the right PW.
 */
class AuthFailureBanTest extends SocketGatewayFixture {
    static final String MN = "010000A8900016F000169DC0";
    static final String PW = "100000";
    static final LocalDateTime T0 = LocalDateTime.of(2026, 11, 1, 8, 0, 0);
    static final int PER_MINUTE = 3;

    final MovableClock clock = new MovableClock(Instant.parse("2026-11-01T00:00:10Z"));

    @BeforeEach
    void start() throws Exception {
        openStore("北京市", "北京", UnaryOperator.identity());
        gateway = new Hj212Gateway(GatewayConfig.defaults(0), new StationDirectory(store.sites(), clock), writer,
                registry, clock, new AuthFailureLimit(PER_MINUTE, Duration.ofMinutes(10)));
        gateway.start();
    }

    @Test
    void anAddressFailingTooOftenIsRefusedAtConnectUntilItsBanEnds() throws Exception {
        try (TestStation guesser = new TestStation(gateway.port())) {
            for (int i = 0; i < PER_MINUTE; i++) {
                guesser.send(TestStation.segment("2026110108000000" + i, i % 2 == 0 ? MN : "UNKNOWN0000000000000001",
                        "guess" + i, 5, T0, 35));
                assertThat(guesser.answer(5_000).cn()).isEqualTo("9011");
            }
            assertThat(gateway.bannedPeerCount()).isZero();
            guesser.send(TestStation.segment("20261101080000009", MN, "guess9", 5, T0, 35));
            assertThat(guesser.answer(5_000).parameter("QnRtn")).isEqualTo("3");
            assertThat(guesser.closedByServer(5_000)).as("closed once over the limit").isTrue();
        }
        assertThat(gateway.bannedPeerCount()).isEqualTo(1);
        assertThat(registry.counter("envmon.hj212.auth.bans").count()).isEqualTo(1);

        // refused at connect, even with the right password: nothing is answered or stored
        try (TestStation again = new TestStation(gateway.port())) {
            again.send(TestStation.segment("20261101080000010", MN, PW, 5, T0, 35));
            assertThat(again.closedByServer(5_000)).isTrue();
        }
        assertThat(registry.counter("envmon.hj212.connections.banned").count()).isGreaterThanOrEqualTo(1);
        assertThat(store.observations().packetCount()).isZero();

        clock.advance(Duration.ofMinutes(11));
        try (TestStation after = new TestStation(gateway.port())) {
            after.send(TestStation.segment("20261101080000011", MN, PW, 5, T0, 35));
            assertThat(after.answer(5_000).cn()).isEqualTo("9014");
        }
        assertThat(gateway.bannedPeerCount()).isZero();
    }

    @Test
    void failuresSpreadOverMinutesDoNotBan() throws Exception {
        for (int minute = 0; minute < 3; minute++) {
            try (TestStation s = new TestStation(gateway.port())) {
                for (int i = 0; i < PER_MINUTE; i++) {
                    s.send(TestStation.segment("202611010800000" + minute + i, MN, "wrong", 5, T0, 35));
                    assertThat(s.answer(5_000).parameter("QnRtn")).isEqualTo("3");
                }
            }
            clock.advance(Duration.ofMinutes(1));
        }
        assertThat(gateway.bannedPeerCount()).isZero();
        try (TestStation s = new TestStation(gateway.port())) {
            s.send(TestStation.segment("20261101080000099", MN, PW, 5, T0, 35));
            assertThat(s.answer(5_000).cn()).isEqualTo("9014");
        }
    }
}
