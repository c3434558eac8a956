package org.envmon.gateway.sim;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the simulator saw: packets sent, answered (9014), refused (answered 9011; by reason, e.g. "unknown MN
 * (QnRtn 4)"), failed (no answer within the answer timeout, or the connection was lost first), and stations that
 * could not connect at all.
 */
public record SimulatorReport(long sent, long answered, long failed, long refused, long valuesSent,
                              double p50Millis, double p99Millis, double maxMillis, double seconds,
                              Map<String, Long> refusals, long noAnswer, long connectionLost,
                              int stations, int connectFailures) {
    public SimulatorReport {
        refusals = Map.copyOf(refusals);
    }

    @Override
    public String toString() {
        return String.format("sent %d, answered %d, failed %d, refused %d; values %d (%.0f values/s); "
                        + "answer latency p50 %.1f ms, p99 %.1f ms, max %.1f ms; %.1f s",
                sent, answered, failed, refused, valuesSent, seconds == 0 ? 0 : valuesSent / seconds, p50Millis,
                p99Millis, maxMillis, seconds);
    }

    /** The refusals and failures by reason in one line, e.g. "refused: unknown MN (QnRtn 4) 12; failed: ...". */
    public String reasons() {
        String r = refusals.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
        return "refused: " + (r.isEmpty() ? "none" : r) + "; failed: no answer in time " + noAnswer
                + ", connection lost before the answer " + connectionLost + "; stations that could not connect "
                + connectFailures + " of " + stations;
    }
}
