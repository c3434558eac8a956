package org.envmon.gateway;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.time.Clock;
import java.util.List;
import org.envmon.hj212.FrameSink;
import org.envmon.hj212.Hj212FrameSplitter;
import org.envmon.hj212.RejectReason;

/**
 * Bytes -> {@link ReceivedFrame}s: the connection's {@link Hj212FrameSplitter} in Netty's decoder. One frame per
 * {@code decode} call, so that each frame has gone down the pipeline (and perhaps spent the last of the error budget)
 * before the splitter reports what follows it; once the session is closed the rest is dropped unread. Discarded runs
 * (garbage, bad length, truncated, oversize) are rejected at once and paid from the budget. When the connection ends,
 * what is left in the splitter (half a frame, garbage) is counted, without a budget left to spend.
 */
final class Hj212FrameDecoder extends ByteToMessageDecoder implements FrameSink {
    /** Bytes copied at a time from a direct buffer: a frame's worth, so that what follows it is copied once more only. */
    private static final int CHUNK = 2048;
    /** Per event-loop thread, not per connection: the splitter copies what it keeps. */
    private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[CHUNK]);

    private final Hj212FrameSplitter splitter;
    private final GatewayMetrics metrics;
    private final Clock clock;
    private StationSession session;
    /** The decoder's output list, during {@link #decode} only. */
    private List<Object> out;

    Hj212FrameDecoder(GatewayConfig config, GatewayMetrics metrics, Clock clock) {
        this.splitter = new Hj212FrameSplitter(config.maxDataLength(), config.garbageBytesPerError());
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        StationSession s = session(ctx);
        this.out = out;
        try {
            while (in.isReadable() && !s.closed()) {
                int used;
                if (in.hasArray()) {
                    used = splitter.feedToFrame(in.array(), in.arrayOffset() + in.readerIndex(), in.readableBytes(),
                            this);
                } else {
                    int n = Math.min(in.readableBytes(), CHUNK);
                    byte[] scratch = SCRATCH.get();
                    in.getBytes(in.readerIndex(), scratch, 0, n);
                    used = splitter.feedToFrame(scratch, 0, n, this);
                }
                in.skipBytes(used);
                if (!out.isEmpty()) {
                    return; // the frame goes down the pipeline before the rest is split
                }
            }
            if (s.closed()) {
                in.skipBytes(in.readableBytes());
            }
        } finally {
            this.out = null;
        }
    }

    @Override
    public void frame(byte[] frame) {
        if (!session.closed()) {
            out.add(new ReceivedFrame(frame, clock.instant(), System.nanoTime()));
        }
    }

    @Override
    public void rejected(RejectReason reason, int discardedBytes) {
        if (!session.closed()) {
            session.reject(reason.code(), discardedBytes + " bytes discarded");
        }
    }

    /** The connection ended (called from {@code channelInactive}): counts what is left in the splitter. */
    @Override
    protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Exception {
        super.decodeLast(ctx, in, out);
        if (!session(ctx).closed()) {
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
    }

    private StationSession session(ChannelHandlerContext ctx) {
        if (session == null) {
            session = StationSession.of(ctx.channel());
        }
        return session;
    }
}
