package org.envmon.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.envmon.hj212.Hj212Encoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Hj212FrameDecoderTest {
    final PipelineFixture fx = new PipelineFixture();
    final GatewayConfig config = GatewayConfig.defaults(0).withGarbageBytesPerError(16);

    Hj212FrameDecoder decoder() {
        return new Hj212FrameDecoder(config, fx.metrics, PipelineFixture.CLOCK);
    }

    static String text(String segment) {
        return new String(Hj212Encoder.frame(segment), StandardCharsets.US_ASCII);
    }

    static ByteBuf bytes(String s, boolean direct) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        return direct ? Unpooled.directBuffer(b.length).writeBytes(b) : Unpooled.wrappedBuffer(b);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void framesOfOneReadComeOutOneByOneWithoutCrlf(boolean direct) {
        EmbeddedChannel ch = fx.channel(5, decoder());
        String a = text(PipelineFixture.good(1));
        String b = text(PipelineFixture.good(2));
        ch.writeInbound(bytes(a + b + "\n" + a.substring(0, 30), direct));
        ch.writeInbound(bytes(a.substring(30), direct));

        List<ReceivedFrame> frames = List.of(ch.readInbound(), ch.readInbound(), ch.readInbound());
        assertThat(frames).extracting(f -> new String(f.bytes(), StandardCharsets.US_ASCII))
                .containsExactly(a.trim(), b.trim(), a.trim());
        assertThat(frames).allSatisfy(f -> assertThat(f.receivedAt()).isEqualTo(PipelineFixture.NOW));
        assertThat((Object) ch.readInbound()).isNull();
        assertThat(fx.rejected("garbage")).isZero();
    }

    @Test
    void garbageSpendsTheBudgetPerRunAndClosesTheConnection() {
        EmbeddedChannel ch = fx.channel(2, decoder());
        ch.writeInbound(bytes("x".repeat(16 * 3), true)); // three runs of 16 bytes: the third exceeds a budget of 2
        assertThat(fx.rejected("garbage")).isEqualTo(3);
        assertThat(fx.rejected("error_budget_exceeded")).isEqualTo(1);
        assertThat(ch.isActive()).isFalse();
    }

    /** Each frame goes down the pipeline before the next is split: a step that closes the connection stops the read. */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void nothingAfterTheBudgetIsExceededIsSplitEvenInTheSameRead(boolean direct) {
        List<ReceivedFrame> seen = new ArrayList<>();
        ChannelInboundHandlerAdapter rejectEverything = new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                seen.add((ReceivedFrame) msg);
                StationSession.of(ctx.channel()).reject("bad_crc", "test");
            }
        };
        EmbeddedChannel ch = fx.channel(1, decoder(), rejectEverything);
        String f = text(PipelineFixture.good(1));
        ch.writeInbound(bytes(f + f + f + "garbage then half a frame ##0100", direct));
        assertThat(seen).hasSize(2);
        assertThat(fx.rejected("bad_crc")).isEqualTo(2);
        assertThat(fx.rejected("garbage")).isZero();
        assertThat(ch.isActive()).isFalse();
        ch.finish();
        assertThat(fx.rejected("garbage")).isZero(); // no budget left to spend: what is left is not counted either
        assertThat(fx.rejected("truncated")).isZero();
    }

    @Test
    void whatIsLeftWhenTheConnectionEndsIsCountedWithoutClosingAnything() {
        EmbeddedChannel ch = fx.channel(5, decoder());
        ch.writeInbound(bytes("junk", false));
        assertThat(fx.rejected("garbage")).isZero(); // a run is reported when the next header (or the end) comes
        ch.writeInbound(bytes(text(PipelineFixture.good(1)).substring(0, 40), false));
        assertThat(fx.rejected("garbage")).isEqualTo(1);
        assertThat((Object) ch.readInbound()).isNull();
        ch.finish();
        assertThat(fx.rejected("truncated")).isEqualTo(1);
        assertThat(fx.rejected("error_budget_exceeded")).isZero();
    }

    @Test
    void anOversizeDeclarationIsRejectedWithoutBuffering() {
        EmbeddedChannel ch = fx.channel(5, decoder());
        ch.writeInbound(bytes("##4097QN=", false));
        assertThat(fx.rejected("oversize")).isEqualTo(1);
        assertThat((Object) ch.readInbound()).isNull();
    }
}
