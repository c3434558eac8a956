package org.envmon.gateway;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.envmon.hj212.RejectReason;
import org.envmon.hj212.SubPacketAssembler;

/**
 * {@link AuthenticatedPacket} -> {@link CompletePacket}. HJ 212-2017 §6.4: with the D bit a packet comes in PNUM parts;
 * it is stored, and its parts answered, once all parts are here. Until then only their frames are held, by the
 * gateway's one {@link SubPacketAssembler} (shared by every connection, so its bound on bytes held is global); each
 * part remembers the connection to answer it on. Unsplit packets pass straight through. A frame counts as accepted
 * when its packet is complete. When the connection ends, its pending parts let go of it.
 */
@ChannelHandler.Sharable
final class SplitPacketHandler extends SessionDecoder<AuthenticatedPacket> {
    private static final byte[] CRLF = {'\r', '\n'};

    private final SubPacketAssembler<AtomicReference<Channel>> assembler;
    private final GatewayMetrics metrics;

    SplitPacketHandler(SubPacketAssembler<AtomicReference<Channel>> assembler, GatewayMetrics metrics) {
        super(AuthenticatedPacket.class);
        this.assembler = assembler;
        this.metrics = metrics;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, StationSession session, AuthenticatedPacket p, List<Object> out) {
        if (!p.packet().split()) {
            metrics.framesAccepted.increment();
            out.add(new CompletePacket(p.packet(), p.frame().bytes(), List.of(), p.frame(), p.siteCode()));
            return;
        }
        SubPacketAssembler.Outcome<AtomicReference<Channel>> outcome = assembler.offer(p.packet(), p.frame().bytes(),
                session.answerTo(), p.frame().receivedAt().toEpochMilli());
        switch (outcome.status()) {
            case REJECTED -> session.reject(RejectReason.BAD_SUBPACKET.code(), outcome.detail());
            case PENDING -> {
            }
            case COMPLETE -> {
                List<SubPacketAssembler.Part<AtomicReference<Channel>>> parts = outcome.parts();
                metrics.framesAccepted.increment(parts.size());
                ByteArrayOutputStream raw = new ByteArrayOutputStream();
                for (SubPacketAssembler.Part<AtomicReference<Channel>> part : parts) {
                    raw.writeBytes(part.frame());
                    raw.writeBytes(CRLF);
                }
                out.add(new CompletePacket(outcome.packet(), raw.toByteArray(), parts, p.frame(), p.siteCode()));
            }
        }
    }

    /** Releases the connection from the parts it left pending (they stay, and are answered nowhere, if completed). */
    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        StationSession.of(ctx.channel()).end();
        super.channelInactive(ctx);
    }
}
