package org.envmon.gateway;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.atomic.AtomicReference;
import org.envmon.ingest.LogThrottle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the handlers of one station connection share, kept as a channel attribute: who is at the other end, the error
 * budget, and where the parts of its split packets are answered. Used on the connection's event loop only, except
 * {@link #answerTo()}, which the committing thread reads.
 *
 * <p>Every rejected frame, and every {@code garbageBytesPerError} bytes outside frames, spend one unit of the budget;
 * once it is exceeded the connection is closed and the session {@link #closed()}: no handler processes anything the
 * connection sent afterwards, even in the same read.
 */
final class StationSession {
    private static final Logger log = LoggerFactory.getLogger(StationSession.class);
    private static final AttributeKey<StationSession> KEY = AttributeKey.valueOf(StationSession.class, "session");

    private final Channel channel;
    private final int errorBudget;
    private final GatewayMetrics metrics;
    private final LogThrottle logThrottle;
    private final String peer;
    private final String peerAddress;
    /**
     * Where the parts of split packets this connection sent are answered; cleared when it closes, so that packets
     * still pending in the shared assembler do not keep a closed connection alive.
     */
    private final AtomicReference<Channel> answerTo;
    private int errors;
    private boolean closed;

    private StationSession(Channel channel, int errorBudget, GatewayMetrics metrics, LogThrottle logThrottle) {
        this.channel = channel;
        this.errorBudget = errorBudget;
        this.metrics = metrics;
        this.logThrottle = logThrottle;
        SocketAddress remote = channel.remoteAddress();
        this.peer = String.valueOf(remote);
        this.peerAddress = remote instanceof InetSocketAddress a && a.getAddress() != null
                ? a.getAddress().getHostAddress() : peer;
        this.answerTo = new AtomicReference<>(channel);
    }

    /** Opens the session of a new connection (before its handlers run). */
    static StationSession attach(Channel channel, int errorBudget, GatewayMetrics metrics, LogThrottle logThrottle) {
        StationSession s = new StationSession(channel, errorBudget, metrics, logThrottle);
        channel.attr(KEY).set(s);
        return s;
    }

    static StationSession of(Channel channel) {
        StationSession s = channel.attr(KEY).get();
        if (s == null) {
            throw new IllegalStateException("no station session on " + channel);
        }
        return s;
    }

    String peer() {
        return peer;
    }

    /** The budget was exceeded or the connection ended: whatever else arrives is dropped unread. */
    boolean closed() {
        return closed;
    }

    AtomicReference<Channel> answerTo() {
        return answerTo;
    }

    /** The connection ended: nothing more is processed, and pending parts no longer point at it. */
    void end() {
        closed = true;
        answerTo.set(null);
    }

    /** A frame (or a run of bytes) rejected: counted, logged at debug, and paid from the budget. */
    void reject(String reason, String detail) {
        metrics.rejected(reason);
        if (log.isDebugEnabled()) {
            log.debug("rejected frame from {}: {} ({})", peer, reason, detail);
        }
        spendErrorBudget();
    }

    /** Spends one unit of the error budget; beyond it, closes the connection. */
    void spendErrorBudget() {
        if (++errors > errorBudget && !closed) {
            closed = true;
            String note = warnable(GatewayMetrics.ERROR_BUDGET_EXCEEDED);
            if (note != null) {
                log.warn("closing {}: more than {} rejected frames{}", peer, errorBudget, note);
            }
            metrics.rejected(GatewayMetrics.ERROR_BUDGET_EXCEEDED);
            metrics.closedErrorBudget.increment();
            channel.close();
        }
    }

    /**
     * Whether a warning of this kind from this peer address may be logged now (at most one a minute): null when it
     * is to be left out, else the tail to append (how many like it were left out since the last one).
     */
    String warnable(String kind) {
        long suppressed = logThrottle.admit(peerAddress, kind);
        if (suppressed < 0) {
            return null;
        }
        return suppressed == 0 ? "" : " (" + suppressed + " more like it from " + peerAddress
                + " not logged since the last)";
    }
}
