package org.envmon.hj212;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * Platform-to-station commands (HJ 212-2017 §6.6; digest §9.4 CN table). All request an answer (Flag A=1: 5 for
 * 2017, 1 for 2005), so the station replies 9011 and then 9012 or data.
 */
public final class Hj212Commands {

    /** Addressing of a station. */
    public record Target(String st, String pw, String mn, ProtocolVersion version) {
        public Target {
            Objects.requireNonNull(st);
            Objects.requireNonNull(pw);
            Objects.requireNonNull(mn);
            Objects.requireNonNull(version);
        }
    }

    private Hj212Commands() {
    }

    /** CN 1011: get the station time (optionally of one instrument, {@code PolId}). */
    public static byte[] getTime(Target t, LocalDateTime qn, String polId) {
        return Hj212Encoder.frame(segment(t, qn, "1011", polId == null ? "" : "PolId=" + polId));
    }

    /** CN 1012: set the station time ({@code SystemTime}). */
    public static byte[] setTime(Target t, LocalDateTime qn, LocalDateTime systemTime, String polId) {
        String cp = (polId == null ? "" : "PolId=" + polId + ";") + "SystemTime=" + Hj212Encoder.formatTime(systemTime);
        return Hj212Encoder.frame(segment(t, qn, "1012", cp));
    }

    /** CN 2011: start sending real-time data. */
    public static byte[] startRealtime(Target t, LocalDateTime qn) {
        return Hj212Encoder.frame(segment(t, qn, "2011", ""));
    }

    /** CN 2012: stop sending real-time data. */
    public static byte[] stopRealtime(Target t, LocalDateTime qn) {
        return Hj212Encoder.frame(segment(t, qn, "2012", ""));
    }

    /** CN 2051 minute, 2061 hourly or 2031 daily history over {@code [begin, end]} (BeginTime/EndTime). */
    public static byte[] history(Target t, LocalDateTime qn, String cn, LocalDateTime begin, LocalDateTime end) {
        if (!cn.equals("2051") && !cn.equals("2061") && !cn.equals("2031") && !cn.equals("2041")) {
            throw new IllegalArgumentException("not a history command: " + cn);
        }
        return Hj212Encoder.frame(segment(t, qn, cn,
            "BeginTime=" + Hj212Encoder.formatTime(begin) + ",EndTime=" + Hj212Encoder.formatTime(end)));
    }

    static String segment(Target t, LocalDateTime qn, String cn, String cp) {
        return "QN=" + Hj212Encoder.formatQn(qn) + ";ST=" + t.st() + ";CN=" + cn + ";PW=" + t.pw() + ";MN=" + t.mn()
            + ";Flag=" + ((t.version().versionBits() << 2) | Hj212Packet.FLAG_A) + ";CP=&&" + cp + "&&";
    }
}
