package org.envmon.gateway;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import java.util.concurrent.atomic.AtomicReference;
import org.envmon.hj212.Hj212Packet;
import org.envmon.hj212.Hj212Replies;
import org.envmon.hj212.SubPacketAssembler;
import org.envmon.ingest.IngestSink;
import org.envmon.ingest.hj212.Hj212PacketMapper;

/**
 * {@link CompletePacket} -> the {@link IngestSink}; the 9014 answer is written only when the sink reports the packet
 * durable: the packet on its own connection, or each part of a split packet on the connection it came in, where the
 * frame asked for an answer. The answer is written from the committing thread (Netty hands it to the event loop). A
 * failed commit or a full queue leaves the packet unanswered, so the station resends. One instance for every
 * connection.
 */
@ChannelHandler.Sharable
final class SubmitAndAnswerHandler extends SimpleChannelInboundHandler<CompletePacket> {
    private final IngestSink sink;
    private final GatewayMetrics metrics;
    private final Hj212PacketMapper mapper = new Hj212PacketMapper();

    SubmitAndAnswerHandler(IngestSink sink, GatewayMetrics metrics) {
        super(CompletePacket.class);
        this.sink = sink;
        this.metrics = metrics;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, CompletePacket p) {
        StationSession session = StationSession.of(ctx.channel());
        Hj212PacketMapper.Mapped mapped = mapper.map(p.packet(), p.raw(), session.peer(), p.last().receivedAt(),
                p.siteCode(), true);
        if (mapped.futureValuesDropped() > 0) {
            metrics.futureValues.increment(mapped.futureValuesDropped());
        }
        Channel own = ctx.channel();
        long receivedNanos = p.last().receivedNanos();
        sink.submit(mapped.write()).whenComplete((outcome, error) -> {
            if (error != null) {
                metrics.unanswered.increment();
                return;
            }
            if (p.parts().isEmpty()) {
                answer(own, p.packet(), receivedNanos);
            } else {
                for (SubPacketAssembler.Part<AtomicReference<Channel>> part : p.parts()) {
                    answer(part.attachment().get(), part.packet(), receivedNanos);
                }
            }
        });
    }

    private void answer(Channel to, Hj212Packet frame, long receivedNanos) {
        if (frame.answerRequired() && to != null && to.isActive()) {
            metrics.ack(receivedNanos);
            to.writeAndFlush(Unpooled.wrappedBuffer(Hj212Replies.dataAnswer(frame)));
        }
    }
}
