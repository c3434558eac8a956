package org.envmon.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Hj212PacketDecoderTest {
    final PipelineFixture fx = new PipelineFixture();

    @Test
    void aFrameThatDecodesBecomesAPacketWithItsFrame() {
        EmbeddedChannel ch = fx.channel(5, new Hj212PacketDecoder());
        ReceivedFrame frame = PipelineFixture.frame(PipelineFixture.good(1));
        ch.writeInbound(frame);
        DecodedPacket p = ch.readInbound();
        assertThat(p.frame()).isSameAs(frame);
        assertThat(p.packet().mn()).isEqualTo(GatewayIntegrationTest.MN);
        assertThat(p.packet().qn()).isEqualTo("20261101080000001");
    }

    @Test
    void aBadCrcIsCountedPaidFromTheBudgetAndNotPassedOn() {
        EmbeddedChannel ch = fx.channel(1, new Hj212PacketDecoder());
        ReceivedFrame bad = new ReceivedFrame("##0010abcdefghij0000".getBytes(StandardCharsets.US_ASCII),
                PipelineFixture.NOW, 0);
        ch.writeInbound(bad);
        assertThat((Object) ch.readInbound()).isNull();
        assertThat(fx.rejected("bad_crc")).isEqualTo(1);
        assertThat(ch.isActive()).isTrue();
        ch.writeInbound(bad);
        assertThat(fx.rejected("bad_crc")).isEqualTo(2);
        assertThat(fx.rejected("error_budget_exceeded")).isEqualTo(1);
        assertThat(ch.isActive()).isFalse();
    }

    @Test
    void aClosedSessionDecodesNothing() {
        EmbeddedChannel ch = fx.channel(5, new Hj212PacketDecoder());
        StationSession.of(ch).end();
        ch.writeInbound(PipelineFixture.frame(PipelineFixture.good(1)));
        assertThat((Object) ch.readInbound()).isNull();
    }
}
