package org.envmon.gateway;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.envmon.hj212.RejectReason;
import org.envmon.hj212.SubPacketAssembler;

/**
 * The gateway's meters: connections, frames by outcome and reason, split packets held and dropped, answers and their
 * latency. Each meter name has one set of tag keys (Prometheus refuses a second set): {@code envmon.hj212.frames}
 * always carries {@code outcome} and {@code reason} ({@code reason=none} for accepted frames). Every reject reason is
 * registered at start, so a scrape shows it at 0 before the first occurrence.
 */
final class GatewayMetrics {
    static final String FRAMES = "envmon.hj212.frames";
    /** Reasons the gateway adds to the codec's {@link RejectReason}s. */
    static final String UNKNOWN_MN = "unknown_mn";
    static final String WRONG_PASSWORD = "wrong_password";
    static final String ERROR_BUDGET_EXCEEDED = "error_budget_exceeded";
    /** Parts of a split packet dropped incomplete (beyond the pending bound or too old): never stored nor answered. */
    static final String SPLIT_INCOMPLETE = "split_incomplete";

    private final MeterRegistry registry;
    final AtomicInteger connections = new AtomicInteger();
    final Counter connectionsRefused;
    final Counter framesAccepted;
    final Counter answers;
    final Counter unanswered;
    final Counter futureValues;
    final Counter closedIdle;
    final Counter closedErrorBudget;
    final Counter connectionsBanned;
    final Counter peersBanned;
    final Timer ackLatency;
    private final ConcurrentHashMap<String, Counter> rejected = new ConcurrentHashMap<>();

    GatewayMetrics(MeterRegistry registry, SubPacketAssembler<?> assembler) {
        this.registry = registry;
        registry.gauge("envmon.hj212.connections", connections);
        connectionsRefused = Counter.builder("envmon.hj212.connections.refused")
                .description("connections closed at once because the cap was reached").register(registry);
        // parts of a split packet count as accepted once their packet is complete
        framesAccepted = Counter.builder(FRAMES).tag("outcome", "accepted").tag("reason", "none").register(registry);
        answers = Counter.builder("envmon.hj212.answers").description("9014 data answers sent").register(registry);
        unanswered = Counter.builder("envmon.hj212.unanswered")
                .description("packets not answered because the commit failed or the queue was full")
                .register(registry);
        futureValues = Counter.builder("envmon.hj212.values.future")
                .description("values not stored because their time lies in the future").register(registry);
        closedIdle = Counter.builder("envmon.hj212.connections.closed").tag("reason", "idle").register(registry);
        closedErrorBudget = Counter.builder("envmon.hj212.connections.closed").tag("reason", "error_budget")
                .register(registry);
        connectionsBanned = Counter.builder("envmon.hj212.connections.banned")
                .description("connections closed at connect because their address is banned for failed"
                        + " authentications").register(registry);
        peersBanned = Counter.builder("envmon.hj212.auth.bans")
                .description("peer addresses banned for exceeding envmon.hj212.auth-failures-per-minute")
                .register(registry);
        ackLatency = Timer.builder("envmon.hj212.ack.latency")
                .description("from frame received to answer written, including the durable commit")
                .publishPercentiles(0.5, 0.99).register(registry);
        for (RejectReason r : RejectReason.values()) {
            rejectedCounter(r.code());
        }
        for (String r : new String[] {UNKNOWN_MN, WRONG_PASSWORD, ERROR_BUDGET_EXCEEDED}) {
            rejectedCounter(r);
        }
        FunctionCounter.builder(FRAMES, assembler, SubPacketAssembler::droppedParts)
                .tag("outcome", "rejected").tag("reason", SPLIT_INCOMPLETE).register(registry);
        Gauge.builder("envmon.hj212.split.pending", assembler, SubPacketAssembler::pending)
                .description("incomplete split packets held, all connections").register(registry);
        Gauge.builder("envmon.hj212.split.pending.bytes", assembler, SubPacketAssembler::pendingBytes)
                .description("bytes held for incomplete split packets (bounded by envmon.hj212.max-pending-bytes)")
                .baseUnit("bytes").register(registry);
        FunctionCounter.builder("envmon.hj212.split.dropped", assembler, SubPacketAssembler::evicted)
                .tag("reason", "evicted").description("incomplete split packets dropped beyond the pending bound")
                .register(registry);
        FunctionCounter.builder("envmon.hj212.split.dropped", assembler, SubPacketAssembler::expired)
                .tag("reason", "expired").description("incomplete split packets dropped for their age")
                .register(registry);
    }

    private Counter rejectedCounter(String reason) {
        return rejected.computeIfAbsent(reason, r -> Counter.builder(FRAMES)
                .tag("outcome", "rejected").tag("reason", r).register(registry));
    }

    void rejected(String reason) {
        rejectedCounter(reason).increment();
    }

    void ack(long receivedNanos) {
        answers.increment();
        ackLatency.record(System.nanoTime() - receivedNanos, TimeUnit.NANOSECONDS);
    }

    double rejectedCount(String reason) {
        Counter c = rejected.get(reason);
        return c == null ? 0 : c.count();
    }
}
