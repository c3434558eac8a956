package org.envmon.gateway;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last handler of a station connection: refuses a connection from an address banned for failed
 * authentications (see {@link AuthFailureLimit}), closes it when it has been silent too long (stations send
 * heartbeats) or when it failed. One instance for every connection.
 */
@ChannelHandler.Sharable
final class ConnectionGuard extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(ConnectionGuard.class);

    private final GatewayMetrics metrics;
    private final PeerBans bans;

    ConnectionGuard(GatewayMetrics metrics) {
        this(metrics, new PeerBans(AuthFailureLimit.OFF, java.time.Clock.systemUTC()));
    }

    ConnectionGuard(GatewayMetrics metrics, PeerBans bans) {
        this.metrics = metrics;
        this.bans = bans;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        if (bans.banned(PeerBans.address(ctx.channel().remoteAddress()))) {
            // closed before anything is read: nothing is decoded, answered or logged for it
            metrics.connectionsBanned.increment();
            ctx.close();
            return;
        }
        super.channelActive(ctx);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof IdleStateEvent) {
            metrics.closedIdle.increment();
            ctx.close();
            return;
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // Abrupt disconnects (connection reset) land here; nothing answered is lost, the rest will be resent.
        log.debug("connection {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }
}
