package org.envmon.gateway;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import java.util.List;
import org.envmon.hj212.Hj212Decoder;
import org.envmon.hj212.Hj212Result;

/**
 * {@link ReceivedFrame} -> {@link DecodedPacket} ({@link Hj212Decoder}: length, CRC, fields, typed values). A frame
 * that does not decode is a transmission error: counted by reason, paid from the error budget, not answered (the
 * station resends). Stateless, one instance for every connection.
 */
@ChannelHandler.Sharable
final class Hj212PacketDecoder extends SessionDecoder<ReceivedFrame> {
    private final Hj212Decoder decoder = new Hj212Decoder();

    Hj212PacketDecoder() {
        super(ReceivedFrame.class);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, StationSession session, ReceivedFrame frame, List<Object> out) {
        Hj212Result result = decoder.decode(frame.bytes());
        if (!result.isAccepted()) {
            session.reject(result.reason().code(), result.detail());
            return;
        }
        out.add(new DecodedPacket(result.packet(), frame));
    }
}
