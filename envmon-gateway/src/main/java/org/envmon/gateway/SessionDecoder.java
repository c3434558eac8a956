package org.envmon.gateway;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageDecoder;
import java.util.List;

/**
 * A step of a connection's packet pipeline: hands each message on with the connection's {@link StationSession}, and
 * drops what still arrives once the session is closed (error budget spent, banned, shutting down).
 */
abstract class SessionDecoder<I> extends MessageToMessageDecoder<I> {

    SessionDecoder(Class<? extends I> type) {
        super(type);
    }

    @Override
    protected final void decode(ChannelHandlerContext ctx, I message, List<Object> out) {
        StationSession session = StationSession.of(ctx.channel());
        if (!session.closed()) {
            decode(ctx, session, message, out);
        }
    }

    /** Decodes a message of an open session. */
    protected abstract void decode(ChannelHandlerContext ctx, StationSession session, I message, List<Object> out);
}
