package org.envmon.gateway;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The gateway's meters: connections, frames by outcome and reason, answers and their latency. */
final class GatewayMetrics {
    private final MeterRegistry registry;
    final AtomicInteger connections = new AtomicInteger();
    final Counter connectionsRefused;
    final Counter framesAccepted;
    final Counter answers;
    final Counter unanswered;
    final Counter futureValues;
    final Counter closedIdle;
    final Timer ackLatency;
    private final ConcurrentHashMap<String, Counter> rejected = new ConcurrentHashMap<>();

    GatewayMetrics(MeterRegistry registry) {
        this.registry = registry;
        registry.gauge("envmon.hj212.connections", connections);
        connectionsRefused = Counter.builder("envmon.hj212.connections.refused")
                .description("connections closed at once because the cap was reached").register(registry);
        framesAccepted = Counter.builder("envmon.hj212.frames").tag("outcome", "accepted").register(registry);
        answers = Counter.builder("envmon.hj212.answers").description("9014 data answers sent").register(registry);
        unanswered = Counter.builder("envmon.hj212.unanswered")
                .description("packets not answered because the commit failed or the queue was full")
                .register(registry);
        futureValues = Counter.builder("envmon.hj212.values.future")
                .description("values not stored because their time lies in the future").register(registry);
        closedIdle = Counter.builder("envmon.hj212.connections.closed").tag("reason", "idle").register(registry);
        ackLatency = Timer.builder("envmon.hj212.ack.latency")
                .description("from frame received to answer written, including the durable commit")
                .publishPercentiles(0.5, 0.99).register(registry);
    }

    void rejected(String reason) {
        rejected.computeIfAbsent(reason, r -> Counter.builder("envmon.hj212.frames")
                .tag("outcome", "rejected").tag("reason", r).register(registry)).increment();
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
