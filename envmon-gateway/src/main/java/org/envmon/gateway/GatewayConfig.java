package org.envmon.gateway;

import java.time.Duration;

/**
 * Limits of the HJ 212 gateway.
 *
 * @param host                 bind address
 * @param port                 TCP port (0 = any free port)
 * @param maxConnections       connections beyond this are closed at once (protects memory and file descriptors)
 * @param maxDataLength        longest data segment accepted; longer declared frames are rejected without being buffered
 * @param idleTimeout          a connection that sends nothing for this long is closed (stations send heartbeats)
 * @param errorBudget          rejected frames tolerated per connection before the connection is closed
 * @param ioThreads            Netty event-loop threads (0 = Netty's default, twice the cores)
 * @param garbageBytesPerError bytes received outside any frame that cost one unit of the error budget (a run shorter
 *                             than this, ended by a frame header, costs one)
 * @param maxPendingSplitBytes bytes all connections together may hold for incomplete split packets (PNUM/PNO); beyond
 *                             it the oldest incomplete packets are dropped
 */
public record GatewayConfig(String host, int port, int maxConnections, int maxDataLength, Duration idleTimeout,
                            int errorBudget, int ioThreads, int garbageBytesPerError, long maxPendingSplitBytes) {

    /** Incomplete split packets older than this are dropped (a station sends its parts back to back). */
    public static final Duration SPLIT_MAX_AGE = Duration.ofMinutes(10);

    public GatewayConfig {
        if (garbageBytesPerError < 1 || maxPendingSplitBytes < 1) {
            throw new IllegalArgumentException("garbageBytesPerError and maxPendingSplitBytes must be positive");
        }
    }

    public static GatewayConfig defaults(int port) {
        return new GatewayConfig("0.0.0.0", port, 20_000, 4096, Duration.ofMinutes(10), 100, 0, 1024, 16L << 20);
    }

    public GatewayConfig withMaxConnections(int n) {
        return new GatewayConfig(host, port, n, maxDataLength, idleTimeout, errorBudget, ioThreads,
                garbageBytesPerError, maxPendingSplitBytes);
    }

    public GatewayConfig withIdleTimeout(Duration d) {
        return new GatewayConfig(host, port, maxConnections, maxDataLength, d, errorBudget, ioThreads,
                garbageBytesPerError, maxPendingSplitBytes);
    }

    public GatewayConfig withErrorBudget(int n) {
        return new GatewayConfig(host, port, maxConnections, maxDataLength, idleTimeout, n, ioThreads,
                garbageBytesPerError, maxPendingSplitBytes);
    }

    public GatewayConfig withGarbageBytesPerError(int n) {
        return new GatewayConfig(host, port, maxConnections, maxDataLength, idleTimeout, errorBudget, ioThreads, n,
                maxPendingSplitBytes);
    }

    public GatewayConfig withMaxPendingSplitBytes(long n) {
        return new GatewayConfig(host, port, maxConnections, maxDataLength, idleTimeout, errorBudget, ioThreads,
                garbageBytesPerError, n);
    }
}
