package org.envmon.gateway;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import java.time.Clock;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * One station's connection: bytes -> frames (splitter) -> packets (decoder) -> authentication -> the ingest sink;
 * the 9014 answer is written only when the sink reports the packet durable. Runs on the connection's event loop; the
 * answer is written from the committing thread (Netty hands it back to the event loop).
 *
 * <p>Outcomes (see ARCHITECTURE.md, "Bad input and faults"): a transmission error (bad CRC, bad length, garbage) is
 * counted and not answered, so the station resends; an unknown MN or a wrong PW is answered 9011 with QnRtn 4 or 3
 * and nothing is stored; a failed commit or a full queue leaves the packet unanswered. After {@code errorBudget}
 * rejected frames the connection is closed.
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
    private final Hj212FrameSplitter splitter;
    private final Hj212Decoder decoder = new Hj212Decoder();
    private final Hj212PacketMapper mapper = new Hj212PacketMapper();
    private ChannelHandlerContext ctx;
    private String peer;
    private int errors;
    /** Split packets (Flag D bit, PNUM/PNO) waiting for their other parts; bounded per connection. */
    private final SubPacketAssembler assembler = new SubPacketAssembler(MAX_PENDING_SPLIT, SPLIT_MAX_AGE_MILLIS);
    private final Map<String, List<Part>> parts = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<Part>> eldest) {
            return size() > MAX_PENDING_SPLIT;
        }
    };
    private static final int MAX_PENDING_SPLIT = 64;
    private static final long SPLIT_MAX_AGE_MILLIS = 600_000;

    private record Part(Hj212Packet packet, byte[] frame) {
    }

    StationConnection(GatewayConfig config, StationDirectory directory, IngestSink sink, GatewayMetrics metrics,
                      Clock clock) {
        this.config = config;
        this.directory = directory;
        this.sink = sink;
        this.metrics = metrics;
        this.clock = clock;
        this.splitter = new Hj212FrameSplitter(config.maxDataLength());
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        this.ctx = ctx;
        this.peer = String.valueOf(ctx.channel().remoteAddress());
        super.channelActive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf buf = (ByteBuf) msg;
        try {
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
    public void frame(byte[] frame) {
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
                log.warn("refused unknown MN {} from {}", packet.mn(), peer);
                refuse(packet, QnRtn.MN_ERROR, "unknown_mn");
                return;
            }
            case WRONG_PASSWORD -> {
                log.warn("refused wrong password for MN {} (site {}) from {}", packet.mn(), auth.siteCode(), peer);
                refuse(packet, QnRtn.PW_ERROR, "wrong_password");
                return;
            }
            case ACCEPTED -> {
            }
        }
        metrics.framesAccepted.increment();
        if (!packet.split()) {
            store(packet, frame, List.of(packet), receivedAt, receivedNanos, auth.siteCode());
            return;
        }
        // HJ 212-2017 §6.4: with the D bit a packet comes in PNUM parts; it is stored, and its parts answered,
        // once all parts are here.
        SubPacketAssembler.Outcome outcome = assembler.offer(packet, receivedAt.toEpochMilli());
        String key = packet.mn() + "|" + packet.qn();
        switch (outcome.status()) {
            case REJECTED -> reject(RejectReason.BAD_SUBPACKET.code(), outcome.detail());
            case PENDING -> parts.computeIfAbsent(key, k -> new ArrayList<>()).add(new Part(packet, frame));
            case COMPLETE -> {
                List<Part> all = new ArrayList<>(parts.getOrDefault(key, List.of()));
                parts.remove(key);
                all.add(new Part(packet, frame));
                ByteArrayOutputStream raw = new ByteArrayOutputStream();
                for (Part p : all) {
                    raw.writeBytes(p.frame);
                    raw.writeBytes(CRLF);
                }
                store(outcome.packet(), raw.toByteArray(), all.stream().map(Part::packet).toList(), receivedAt,
                        receivedNanos, auth.siteCode());
            }
        }
    }

    /** Hands a (complete) packet to the sink; answers each of its frames that asked for it once it is durable. */
    private void store(Hj212Packet packet, byte[] raw, List<Hj212Packet> frames, Instant receivedAt,
                       long receivedNanos, String siteCode) {
        Hj212PacketMapper.Mapped mapped = mapper.map(packet, raw, peer, receivedAt, siteCode, true);
        if (mapped.futureValuesDropped() > 0) {
            metrics.futureValues.increment(mapped.futureValuesDropped());
        }
        sink.submit(mapped.write()).whenComplete((outcome, error) -> {
            if (error != null) {
                metrics.unanswered.increment();
                return;
            }
            for (Hj212Packet f : frames) {
                if (f.answerRequired() && ctx.channel().isActive()) {
                    metrics.ack(receivedNanos);
                    ctx.writeAndFlush(Unpooled.wrappedBuffer(Hj212Replies.dataAnswer(f)));
                }
            }
        });
    }

    @Override
    public void rejected(RejectReason reason, int discardedBytes) {
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
            log.warn("closing {}: more than {} rejected frames", peer, config.errorBudget());
            metrics.rejected("error_budget_exceeded");
            ctx.close();
        }
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
