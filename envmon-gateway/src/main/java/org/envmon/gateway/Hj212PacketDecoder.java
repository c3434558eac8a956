package org.envmon.gateway;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageDecoder;
import java.util.List;
import org.envmon.hj212.Hj212Decoder;
import org.envmon.hj212.Hj212Result;

/**
 * {@link ReceivedFrame} -> {@link DecodedPacket} ({@link Hj212Decoder}: length, CRC, fields, typed values). A frame
 * that does not decode is a transmission error: counted by reason, paid from the error budget, not answered (the
 * station resends). Stateless, one instance for every connection.
 */
@ChannelHandler.Sharable
final class Hj212PacketDecoder extends MessageToMessageDecoder<ReceivedFrame> {
    private final Hj212Decoder decoder = new Hj212Decoder();

    Hj212PacketDecoder() {
        super(ReceivedFrame.class);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ReceivedFrame frame, List<Object> out) {
        StationSession session = StationSession.of(ctx.channel());
        if (session.closed()) {
            return;
        }
        Hj212Result result = decoder.decode(frame.bytes());
        if (!result.isAccepted()) {
            session.reject(result.reason().code(), result.detail());
            return;
        }
        out.add(new DecodedPacket(result.packet(), frame));
    }
}
