package org.envmon.gateway;

import java.time.Duration;

/**
 * Limits of the HJ 212 gateway.
 *
 * @param host           bind address
 * @param port           TCP port (0 = any free port)
 * @param maxConnections connections beyond this are closed at once (protects memory and file descriptors)
 * @param maxDataLength  longest data segment accepted; longer declared frames are rejected without being buffered
 * @param idleTimeout    a connection that sends nothing for this long is closed (stations send heartbeats)
 * @param errorBudget    rejected frames tolerated per connection before the connection is closed
 * @param ioThreads      Netty event-loop threads (0 = Netty's default, twice the cores)
 */
public record GatewayConfig(String host, int port, int maxConnections, int maxDataLength, Duration idleTimeout,
                            int errorBudget, int ioThreads) {

    public static GatewayConfig defaults(int port) {
        return new GatewayConfig("0.0.0.0", port, 20_000, 4096, Duration.ofMinutes(10), 100, 0);
    }

    public GatewayConfig withPort(int p) {
        return new GatewayConfig(host, p, maxConnections, maxDataLength, idleTimeout, errorBudget, ioThreads);
    }

    public GatewayConfig withMaxConnections(int n) {
        return new GatewayConfig(host, port, n, maxDataLength, idleTimeout, errorBudget, ioThreads);
    }

    public GatewayConfig withIdleTimeout(Duration d) {
        return new GatewayConfig(host, port, maxConnections, maxDataLength, d, errorBudget, ioThreads);
    }

    public GatewayConfig withErrorBudget(int n) {
        return new GatewayConfig(host, port, maxConnections, maxDataLength, idleTimeout, n, ioThreads);
    }
}
