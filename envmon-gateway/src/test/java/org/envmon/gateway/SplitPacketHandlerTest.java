package org.envmon.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SplitPacketHandlerTest {
    final PipelineFixture fx = new PipelineFixture();

    static String part(int pnum, int pno) {
        return GatewayBadInputTest.part(GatewayIntegrationTest.MN, "20261101080000001", pnum, pno);
    }

    @Test
    void anUnsplitPacketPassesStraightThroughAsAnAcceptedFrame() {
        EmbeddedChannel ch = fx.channel(5, new SplitPacketHandler(fx.assembler, fx.metrics));
        AuthenticatedPacket p = PipelineFixture.authenticated(PipelineFixture.good(1));
        ch.writeInbound(p);
        CompletePacket c = ch.readInbound();
        assertThat(c.packet()).isSameAs(p.packet());
        assertThat(c.raw()).isSameAs(p.frame().bytes());
        assertThat(c.parts()).isEmpty();
        assertThat(c.siteCode()).isEqualTo("S1");
        assertThat(fx.accepted()).isEqualTo(1);
    }

    @Test
    void partsFromTwoConnectionsAreJoinedOnceAllAreHereAndEachKeepsItsConnection() {
        SplitPacketHandler handler = new SplitPacketHandler(fx.assembler, fx.metrics); // one for every connection
        EmbeddedChannel a = fx.channel(5, handler);
        EmbeddedChannel b = fx.channel(5, handler);
        a.writeInbound(PipelineFixture.authenticated(part(3, 1)));
        b.writeInbound(PipelineFixture.authenticated(part(3, 3)));
        assertThat((Object) a.readInbound()).isNull();
        assertThat((Object) b.readInbound()).isNull();
        assertThat(fx.assembler.pending()).isEqualTo(1);
        assertThat(fx.accepted()).isZero();

        a.writeInbound(PipelineFixture.authenticated(part(3, 2)));
        CompletePacket c = a.readInbound();
        assertThat(c.packet().split()).isFalse();
        assertThat(c.parts()).extracting(p -> p.pno()).containsExactly(1, 2, 3);
        assertThat(c.parts()).extracting(p -> p.attachment().get()).containsExactly(a, a, b);
        String raw = new String(c.raw(), StandardCharsets.US_ASCII);
        assertThat(raw.split("\r\n")).hasSize(3);
        assertThat(fx.accepted()).isEqualTo(3);
        assertThat(fx.assembler.pendingBytes()).isZero();
    }

    @Test
    void aDuplicatePartIsRejectedAndPaidFromTheBudget() {
        EmbeddedChannel ch = fx.channel(5, new SplitPacketHandler(fx.assembler, fx.metrics));
        ch.writeInbound(PipelineFixture.authenticated(part(3, 1)));
        ch.writeInbound(PipelineFixture.authenticated(part(3, 1)));
        assertThat((Object) ch.readInbound()).isNull();
        assertThat(fx.rejected("bad_subpacket")).isEqualTo(1);
    }

    @Test
    void aClosedConnectionLetsGoOfThePartsItLeftPending() {
        SplitPacketHandler handler = new SplitPacketHandler(fx.assembler, fx.metrics);
        EmbeddedChannel gone = fx.channel(5, handler);
        EmbeddedChannel other = fx.channel(5, handler);
        gone.writeInbound(PipelineFixture.authenticated(part(2, 1)));
        gone.finish();
        assertThat(StationSession.of(gone).closed()).isTrue();

        other.writeInbound(PipelineFixture.authenticated(part(2, 2)));
        CompletePacket c = other.readInbound();
        assertThat(c.parts()).extracting(p -> p.attachment().get()).containsExactly(null, other);
    }
}
