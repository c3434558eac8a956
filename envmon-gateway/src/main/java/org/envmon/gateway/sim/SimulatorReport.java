package org.envmon.gateway.sim;

/** What the simulator saw: packets sent, answered (9014), failed (no answer in time or connection lost). */
public record SimulatorReport(long sent, long answered, long failed, long refused, long valuesSent,
                              double p50Millis, double p99Millis, double maxMillis, double seconds) {
    @Override
    public String toString() {
        return String.format("sent %d, answered %d, failed %d, refused %d; values %d (%.0f values/s); "
                        + "answer latency p50 %.1f ms, p99 %.1f ms, max %.1f ms; %.1f s",
                sent, answered, failed, refused, valuesSent, seconds == 0 ? 0 : valuesSent / seconds, p50Millis,
                p99Millis, maxMillis, seconds);
    }
}
