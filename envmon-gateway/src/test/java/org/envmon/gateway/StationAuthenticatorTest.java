package org.envmon.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.envmon.hj212.Hj212Packet;
import org.envmon.hj212.QnRtn;
import org.envmon.model.Medium;
import org.envmon.model.PasswordHash;
import org.envmon.model.Site;
import org.envmon.model.SiteQuery;
import org.envmon.model.SiteStore;
import org.junit.jupiter.api.Test;

class StationAuthenticatorTest {
    static final String MN = GatewayIntegrationTest.MN;
    static final String PW = GatewayIntegrationTest.PW;

    final PipelineFixture fx = new PipelineFixture();
    final Site site = new Site("S1", "Station 1", Medium.AIR, MN, PasswordHash.hash(PW), null, null, null, null, null,
            null, false);
    final StationAuthenticator authenticator = new StationAuthenticator(
            new StationDirectory(new OneSite(site), Clock.systemUTC()), fx.metrics);

    static String segment(String mn, String pw) {
        return TestStation.segment("20261101080000001", mn, pw, 5, GatewayIntegrationTest.T0, 35);
    }

    @Test
    void aKnownStationWithItsPasswordPassesWithItsSite() {
        EmbeddedChannel ch = fx.channel(5, authenticator);
        DecodedPacket p = PipelineFixture.decoded(segment(MN, PW));
        ch.writeInbound(p);
        AuthenticatedPacket a = ch.readInbound();
        assertThat(a.siteCode()).isEqualTo("S1");
        assertThat(a.packet()).isSameAs(p.packet());
        assertThat(a.frame()).isSameAs(p.frame());
        assertThat((Object) ch.readOutbound()).isNull();
    }

    @Test
    void anUnknownMnIsAnswered9011WithMnErrorAndStopsHere() {
        EmbeddedChannel ch = fx.channel(5, authenticator);
        ch.writeInbound(PipelineFixture.decoded(segment("UNKNOWN0001", PW)));
        assertThat((Object) ch.readInbound()).isNull();
        Hj212Packet answer = PipelineFixture.answer(ch);
        assertThat(answer.cn()).isEqualTo("9011");
        assertThat(answer.dataSegment()).contains("QnRtn=" + QnRtn.MN_ERROR.code());
        assertThat(fx.rejected("unknown_mn")).isEqualTo(1);
    }

    @Test
    void aWrongPasswordIsAnswered9011WithPwErrorAndPaidFromTheBudget() {
        EmbeddedChannel ch = fx.channel(1, authenticator);
        for (int i = 0; i < 2; i++) {
            ch.writeInbound(PipelineFixture.decoded(segment(MN, "999999")));
            assertThat(PipelineFixture.answer(ch).dataSegment()).contains("QnRtn=" + QnRtn.PW_ERROR.code());
        }
        assertThat((Object) ch.readInbound()).isNull();
        assertThat(fx.rejected("wrong_password")).isEqualTo(2);
        assertThat(fx.rejected("error_budget_exceeded")).isEqualTo(1);
        assertThat(ch.isActive()).isFalse();
    }

    /** A site store holding one site. */
    private record OneSite(Site site) implements SiteStore {
        @Override
        public void upsert(Collection<Site> sites) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Site> byCode(String code) {
            return Optional.of(site).filter(s -> s.code().equals(code));
        }

        @Override
        public Optional<Site> byMn(String mn) {
            return Optional.of(site).filter(s -> mn.equals(s.mn()));
        }

        @Override
        public List<Site> list(SiteQuery query) {
            return List.of(site);
        }

        @Override
        public long count() {
            return 1;
        }
    }
}
