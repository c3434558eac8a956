package org.envmon.gateway;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.envmon.hj212.FrameSink;
import org.envmon.hj212.Hj212Decoder;
import org.envmon.hj212.Hj212FrameSplitter;
import org.envmon.hj212.Hj212Packet;
import org.envmon.hj212.Hj212Replies;
import org.envmon.hj212.Hj212Result;
import org.envmon.hj212.QnRtn;
import org.envmon.hj212.RejectReason;
import org.envmon.hj212.SubPacketAssembler;
import org.envmon.ingest.IngestSink;
import org.envmon.ingest.hj212.Hj212PacketMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One station's connection: bytes -> frames (splitter) -> packets (decoder) -> authentication -> split packets
 * joined (the gateway's one {@link SubPacketAssembler}) -> the ingest sink; the 9014 answer is written only when the
 * sink reports the packet durable. Runs on the connection's event loop; the answer is written from the committing
 * thread (Netty hands it back to the event loop).
 *
 * <p>Outcomes (see ARCHITECTURE.md, "Bad input and faults"): a transmission error (bad CRC, bad length, garbage) is
 * counted and not answered, so the station resends; an unknown MN or a wrong PW is answered 9011 with QnRtn 4 or 3
 * and nothing is stored; a failed commit or a full queue leaves the packet unanswered. Every rejected frame, and
 * every {@code garbageBytesPerError} bytes outside frames, spend one unit of the error budget; once it is exceeded
 * the connection is closed and nothing it sent afterwards (even in the same read) is processed. What is left in the
 * splitter when the connection ends (half a frame, garbage) is counted too.
 */
final class StationConnection extends ChannelInboundHandlerAdapter implements FrameSink {
    private static final Logger log = LoggerFactory.getLogger(StationConnection.class);
    private static final byte[] CRLF = {'\r', '\n'};
    /** Read buffer per event-loop thread, not per connection: the splitter copies what it keeps. */
    private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[8192]);

    private final GatewayConfig config;
    private final StationDirectory directory;
    private final IngestSink sink;
    private final GatewayMetrics metrics;
    private final Clock clock;
    private final SubPacketAssembler<AtomicReference<ChannelHandlerContext>> assembler;
    private final LogThrottle logThrottle;
    private final Hj212FrameSplitter splitter;
    private final Hj212Decoder decoder = new Hj212Decoder();
    private final Hj212PacketMapper mapper = new Hj212PacketMapper();
    private ChannelHandlerContext ctx;
    /**
     * Where the parts of split packets this connection sent are answered; cleared when it closes, so that packets
     * still pending in the shared assembler do not keep a closed connection's objects alive.
     */
    private final AtomicReference<ChannelHandlerContext> answerTo = new AtomicReference<>();
    private String peer;
    private String peerAddress;
    private int errors;
    /** The error budget was exceeded: whatever else arrives is dropped unread. */
    private boolean closed;

    StationConnection(GatewayConfig config, StationDirectory directory, IngestSink sink, GatewayMetrics metrics,
                      Clock clock, SubPacketAssembler<AtomicReference<ChannelHandlerContext>> assembler, LogThrottle logThrottle) {
        this.config = config;
        this.directory = directory;
        this.sink = sink;
        this.metrics = metrics;
        this.clock = clock;
        this.assembler = assembler;
        this.logThrottle = logThrottle;
        this.splitter = new Hj212FrameSplitter(config.maxDataLength(), config.garbageBytesPerError());
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        this.ctx = ctx;
        answerTo.set(ctx);
        SocketAddress remote = ctx.channel().remoteAddress();
        this.peer = String.valueOf(remote);
        this.peerAddress = remote instanceof InetSocketAddress a && a.getAddress() != null
                ? a.getAddress().getHostAddress() : peer;
        super.channelActive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf buf = (ByteBuf) msg;
        try {
            if (closed) {
                return;
            }
            int n = buf.readableBytes();
            byte[] scratch = SCRATCH.get();
            if (scratch.length < n) {
                scratch = new byte[Math.max(n, scratch.length * 2)];
                SCRATCH.set(scratch);
            }
            buf.readBytes(scratch, 0, n);
            this.ctx = ctx;
            splitter.feed(scratch, 0, n, this);
        } finally {
            buf.release();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        answerTo.set(null);
        if (!closed) {
            closed = true; // counted, but no budget left to spend and nothing to close
            splitter.endOfStream(new FrameSink() {
                @Override
                public void frame(byte[] frame) {
                }

                @Override
                public void rejected(RejectReason reason, int discardedBytes) {
                    metrics.rejected(reason.code());
                }
            });
        }
        super.channelInactive(ctx);
    }

    @Override
    public void frame(byte[] frame) {
        if (closed) {
            return;
        }
        long receivedNanos = System.nanoTime();
        Instant receivedAt = clock.instant();
        Hj212Result result = decoder.decode(frame);
        if (!result.isAccepted()) {
            reject(result.reason().code(), result.detail());
            return;
        }
        Hj212Packet packet = result.packet();
        StationDirectory.Authentication auth = directory.authenticate(packet.mn(), packet.pw());
        switch (auth.verdict()) {
            case UNKNOWN_MN -> {
                long suppressed = logThrottle.admit(peerAddress, GatewayMetrics.UNKNOWN_MN);
                if (suppressed >= 0) {
                    log.warn("refused unknown MN {} from {}{}", packet.mn(), peer, suppressedNote(suppressed));
                }
                refuse(packet, QnRtn.MN_ERROR, GatewayMetrics.UNKNOWN_MN);
                return;
            }
            case WRONG_PASSWORD -> {
                long suppressed = logThrottle.admit(peerAddress, GatewayMetrics.WRONG_PASSWORD);
                if (suppressed >= 0) {
                    log.warn("refused wrong password for MN {} (site {}) from {}{}", packet.mn(), auth.siteCode(),
                            peer, suppressedNote(suppressed));
                }
                refuse(packet, QnRtn.PW_ERROR, GatewayMetrics.WRONG_PASSWORD);
                return;
            }
            case ACCEPTED -> {
            }
        }
        if (!packet.split()) {
            metrics.framesAccepted.increment();
            store(packet, frame, null, receivedAt, receivedNanos, auth.siteCode());
            return;
        }
        // HJ 212-2017 §6.4: with the D bit a packet comes in PNUM parts; it is stored, and its parts answered,
        // once all parts are here. Until then its frames are held (and counted) by the assembler only.
        SubPacketAssembler.Outcome<AtomicReference<ChannelHandlerContext>> outcome =
                assembler.offer(packet, frame, answerTo, receivedAt.toEpochMilli());
        switch (outcome.status()) {
            case REJECTED -> reject(RejectReason.BAD_SUBPACKET.code(), outcome.detail());
            case PENDING -> {
            }
            case COMPLETE -> {
                List<SubPacketAssembler.Part<AtomicReference<ChannelHandlerContext>>> parts = outcome.parts();
                metrics.framesAccepted.increment(parts.size());
                ByteArrayOutputStream raw = new ByteArrayOutputStream();
                for (SubPacketAssembler.Part<AtomicReference<ChannelHandlerContext>> p : parts) {
                    raw.writeBytes(p.frame());
                    raw.writeBytes(CRLF);
                }
                store(outcome.packet(), raw.toByteArray(), parts, receivedAt, receivedNanos, auth.siteCode());
            }
        }
    }

    /**
     * Hands a complete packet to the sink; once it is durable answers the packet, or each part of a split packet on
     * the connection it came in, where the frame asked for an answer.
     */
    private void store(Hj212Packet packet, byte[] raw, List<SubPacketAssembler.Part<AtomicReference<ChannelHandlerContext>>> parts,
                       Instant receivedAt, long receivedNanos, String siteCode) {
        Hj212PacketMapper.Mapped mapped = mapper.map(packet, raw, peer, receivedAt, siteCode, true);
        if (mapped.futureValuesDropped() > 0) {
            metrics.futureValues.increment(mapped.futureValuesDropped());
        }
        ChannelHandlerContext own = ctx;
        sink.submit(mapped.write()).whenComplete((outcome, error) -> {
            if (error != null) {
                metrics.unanswered.increment();
                return;
            }
            if (parts == null) {
                answer(own, packet, receivedNanos);
            } else {
                for (SubPacketAssembler.Part<AtomicReference<ChannelHandlerContext>> p : parts) {
                    answer(p.attachment().get(), p.packet(), receivedNanos);
                }
            }
        });
    }

    private void answer(ChannelHandlerContext to, Hj212Packet frame, long receivedNanos) {
        if (frame.answerRequired() && to != null && to.channel().isActive()) {
            metrics.ack(receivedNanos);
            to.writeAndFlush(Unpooled.wrappedBuffer(Hj212Replies.dataAnswer(frame)));
        }
    }

    @Override
    public void rejected(RejectReason reason, int discardedBytes) {
        if (closed) {
            return;
        }
        reject(reason.code(), discardedBytes + " bytes discarded");
    }

    /** Answers 9011 with the refusal code; counted before the answer leaves, so a station never sees it first. */
    private void refuse(Hj212Packet packet, QnRtn code, String reason) {
        metrics.rejected(reason);
        ctx.writeAndFlush(Unpooled.wrappedBuffer(Hj212Replies.requestAnswer(packet, code)));
        spendErrorBudget();
    }

    private void reject(String reason, String detail) {
        metrics.rejected(reason);
        if (log.isDebugEnabled()) {
            log.debug("rejected frame from {}: {} ({})", peer, reason, detail);
        }
        spendErrorBudget();
    }

    private void spendErrorBudget() {
        if (++errors > config.errorBudget()) {
            closed = true;
            long suppressed = logThrottle.admit(peerAddress, GatewayMetrics.ERROR_BUDGET_EXCEEDED);
            if (suppressed >= 0) {
                log.warn("closing {}: more than {} rejected frames{}", peer, config.errorBudget(),
                        suppressedNote(suppressed));
            }
            metrics.rejected(GatewayMetrics.ERROR_BUDGET_EXCEEDED);
            metrics.closedErrorBudget.increment();
            ctx.close();
        }
    }

    /** The tail of a rate-limited warning: how many like it from this address were not logged (at most one a minute). */
    private String suppressedNote(long suppressed) {
        return suppressed == 0 ? "" : " (" + suppressed + " more like it from " + peerAddress
                + " not logged since the last)";
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
        log.debug("connection {} failed: {}", peer, cause.toString());
        ctx.close();
    }
}
