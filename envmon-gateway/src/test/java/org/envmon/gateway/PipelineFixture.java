package org.envmon.gateway;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Clock;
import java.util.Arrays;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.envmon.hj212.Hj212Decoder;
import org.envmon.hj212.Hj212Encoder;
import org.envmon.hj212.Hj212Packet;
import org.envmon.hj212.SubPacketAssembler;
import org.envmon.ingest.LogThrottle;

/** One gateway's shared parts, without sockets: handlers are tried on {@link EmbeddedChannel}s. */
final class PipelineFixture {
    static final Instant NOW = Instant.parse("2026-11-01T00:30:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final SubPacketAssembler<AtomicReference<Channel>> assembler = new SubPacketAssembler<>(1 << 20, 600_000);
    final GatewayMetrics metrics = new GatewayMetrics(registry, assembler);

    /** A connection with its session, then the handlers under test. */
    EmbeddedChannel channel(int errorBudget, ChannelHandler... handlers) {
        EmbeddedChannel ch = new EmbeddedChannel();
        StationSession.attach(ch, errorBudget, metrics, LogThrottle.perMinute());
        ch.pipeline().addLast(handlers);
        return ch;
    }

    double rejected(String reason) {
        return registry.counter(GatewayMetrics.FRAMES, "outcome", "rejected", "reason", reason).count();
    }

    double accepted() {
        return registry.counter(GatewayMetrics.FRAMES, "outcome", "accepted", "reason", "none").count();
    }

    static ReceivedFrame frame(String dataSegment) {
        byte[] f = Hj212Encoder.frame(dataSegment);
        // the splitter hands frames on without CRLF
        return new ReceivedFrame(Arrays.copyOf(f, f.length - 2), NOW, System.nanoTime());
    }

    static Hj212Packet packet(String dataSegment) {
        return new Hj212Decoder().decode(frame(dataSegment).bytes()).packet();
    }

    static DecodedPacket decoded(String dataSegment) {
        ReceivedFrame f = frame(dataSegment);
        return new DecodedPacket(new Hj212Decoder().decode(f.bytes()).packet(), f);
    }

    static AuthenticatedPacket authenticated(String dataSegment) {
        DecodedPacket d = decoded(dataSegment);
        return new AuthenticatedPacket(d.packet(), d.frame(), "S1");
    }

    /** An answer-requested real-time packet of the test station; {@code n} numbers its QN. */
    static String good(int n) {
        return TestStation.segment(String.format("20261101080000%03d", n), GatewayIntegrationTest.MN, GatewayIntegrationTest.PW, 5,
                GatewayIntegrationTest.T0, 35);
    }

    /** The answer the channel wrote, decoded, or null. */
    static Hj212Packet answer(EmbeddedChannel ch) {
        ByteBuf out = ch.readOutbound();
        if (out == null) {
            return null;
        }
        byte[] b = new byte[out.readableBytes()];
        out.readBytes(b);
        out.release();
        return new Hj212Decoder().decode(b).packet();
    }
}
