package org.envmon.gateway;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import java.util.List;
import org.envmon.hj212.Hj212Packet;
import org.envmon.hj212.Hj212Replies;
import org.envmon.hj212.QnRtn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link DecodedPacket} -> {@link AuthenticatedPacket}: MN and PW checked against the {@link StationDirectory}
 * (HJ 212-2017 §6.3.2, PW in every packet). An unknown MN is answered 9011 QnRtn 4, a wrong PW 9011 QnRtn 3; both are
 * counted before the answer leaves (so a station never sees it first), paid from the error budget, and logged at most
 * once a minute per peer address and kind. Nothing of a refused packet is stored. Failures are counted per peer
 * address ({@link PeerBans}): beyond the {@link AuthFailureLimit} the connection is closed and the address refused at
 * connect for a while. One instance for every connection.
 */
@ChannelHandler.Sharable
final class StationAuthenticator extends SessionDecoder<DecodedPacket> {
    private static final Logger log = LoggerFactory.getLogger(StationAuthenticator.class);

    private final StationDirectory directory;
    private final GatewayMetrics metrics;
    private final PeerBans bans;

    StationAuthenticator(StationDirectory directory, GatewayMetrics metrics) {
        this(directory, metrics, new PeerBans(AuthFailureLimit.OFF, java.time.Clock.systemUTC()));
    }

    StationAuthenticator(StationDirectory directory, GatewayMetrics metrics, PeerBans bans) {
        super(DecodedPacket.class);
        this.directory = directory;
        this.metrics = metrics;
        this.bans = bans;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, StationSession session, DecodedPacket decoded, List<Object> out) {
        Hj212Packet packet = decoded.packet();
        StationDirectory.Authentication auth = directory.authenticate(packet.mn(), packet.pw());
        switch (auth.verdict()) {
            case UNKNOWN_MN -> {
                String note = session.warnable(GatewayMetrics.UNKNOWN_MN);
                if (note != null) {
                    log.warn("refused unknown MN {} from {}{}", packet.mn(), session.peer(), note);
                }
                refuse(ctx, session, packet, QnRtn.MN_ERROR, GatewayMetrics.UNKNOWN_MN);
            }
            case WRONG_PASSWORD -> {
                String note = session.warnable(GatewayMetrics.WRONG_PASSWORD);
                if (note != null) {
                    log.warn("refused wrong password for MN {} (site {}) from {}{}", packet.mn(), auth.siteCode(),
                            session.peer(), note);
                }
                refuse(ctx, session, packet, QnRtn.PW_ERROR, GatewayMetrics.WRONG_PASSWORD);
            }
            case ACCEPTED -> out.add(new AuthenticatedPacket(packet, decoded.frame(), auth.siteCode()));
        }
    }

    private void refuse(ChannelHandlerContext ctx, StationSession session, Hj212Packet packet, QnRtn code,
                        String reason) {
        metrics.rejected(reason);
        ByteBuf answer = Unpooled.wrappedBuffer(Hj212Replies.requestAnswer(packet, code));
        // counted before the answer leaves, so the station's next attempt is counted after this one
        if (bans.failed(PeerBans.address(ctx.channel().remoteAddress()))) {
            // one line per ban, not per attempt
            metrics.peersBanned.increment();
            log.warn("banned {} for too many failed authentications (unknown MN or wrong PW); its connections are"
                    + " refused for a while", session.peer());
            session.end();
            ctx.writeAndFlush(answer).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        ctx.writeAndFlush(answer);
        session.spendErrorBudget();
    }
}
