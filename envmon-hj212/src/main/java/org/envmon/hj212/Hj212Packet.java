package org.envmon.hj212;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An accepted HJ 212 packet: the data segment of one frame (HJ 212-2017 §6.3.2), decoded to typed values.
 * Immutable and thread-safe. Times are Beijing local time as transmitted (no zone conversion).
 *
 * <p>Two packets are {@link #equals equal} iff their data segments are byte-for-byte equal: the decoded content is a
 * pure function of the data segment.
 */
public final class Hj212Packet {

    /** Flag bit A: the receiver must answer (HJ 212-2017 §6.4). */
    public static final int FLAG_A = 1;
    /** Flag bit D: split packet, PNUM/PNO present (HJ 212-2017 §6.4). */
    public static final int FLAG_D = 2;

    private final String qn;
    private final String st;
    private final String cn;
    private final String pw;
    private final String mn;
    private final Integer flag;
    private final Integer pnum;
    private final Integer pno;
    private final ProtocolVersion version;
    private final String dataSegment;
    private final LocalDateTime qnTime;
    private final LocalDateTime dataTime;
    private final String[] paramKV;
    private final List<PollutantData> pollutants;

    Hj212Packet(String qn, LocalDateTime qnTime, String st, String cn, String pw, String mn, Integer flag, Integer pnum,
                Integer pno, ProtocolVersion version, String dataSegment, LocalDateTime dataTime, String[] paramKV,
                List<PollutantData> pollutants) {
        this.qn = qn;
        this.qnTime = qnTime;
        this.st = st;
        this.cn = cn;
        this.pw = pw;
        this.mn = mn;
        this.flag = flag;
        this.pnum = pnum;
        this.pno = pno;
        this.version = version;
        this.dataSegment = dataSegment;
        this.dataTime = dataTime;
        this.paramKV = paramKV;
        this.pollutants = pollutants;
    }

    /** QN request id ({@code yyyyMMddHHmmssSSS}), or null (often absent in HJ/T 212-2005). */
    public String qn() {
        return qn;
    }

    /** QN read as a time, or null. */
    public LocalDateTime qnTime() {
        return qnTime;
    }

    /**
     * ST system code, e.g. {@code 32} (digest §9.4); null only when the device sent a blank ST (NUL or space bytes,
     * seen from a real HJ/T 212-2005 logger in the 2016 capture): identify the station by MN then.
     */
    public String st() {
        return st;
    }

    /** CN command code, e.g. {@code 2011}. */
    public String cn() {
        return cn;
    }

    /** CN as an int. */
    public int cnCode() {
        return Integer.parseInt(cn);
    }

    public String pw() {
        return pw;
    }

    public String mn() {
        return mn;
    }

    /** Flag 0..255, or null when the packet has no Flag field. */
    public Integer flag() {
        return flag;
    }

    /** PNUM (total sub-packets), or null unless {@link #split()}. */
    public Integer pnum() {
        return pnum;
    }

    /** PNO (1-based sub-packet number), or null unless {@link #split()}. */
    public Integer pno() {
        return pno;
    }

    public ProtocolVersion version() {
        return version;
    }

    /** Flag bit A (HJ 212-2017 §6.4): the sender expects an answer (9014 for data, 9011/9012 for requests). */
    public boolean answerRequired() {
        return flag != null && (flag & FLAG_A) != 0;
    }

    /** Flag bit D (HJ 212-2017 §6.4); for packets without Flag: PNUM/PNO present. */
    public boolean split() {
        return pnum != null;
    }

    /** The raw data segment (between {@code ##LLLL} and the CRC), as received. */
    public String dataSegment() {
        return dataSegment;
    }

    /** CP {@code DataTime} of the packet, or null. */
    public LocalDateTime dataTime() {
        return dataTime;
    }

    /**
     * Other CP key/values (not pollutant fields, not the packet DataTime) in arrival order, e.g. HeartbeatTime,
     * RtdInterval, BeginTime, EndTime, SystemTime, QnRtn, ExeRtn, and QN inside CP (HJ/T 212-2005 replies). When a key
     * repeats (e.g. {@code CTime}) the map holds the first value; see {@link #parameterValues(String)}.
     */
    public Map<String, String> parameters() {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < paramKV.length; i += 2) {
            m.putIfAbsent(paramKV[i], paramKV[i + 1]);
        }
        return Collections.unmodifiableMap(m);
    }

    /** First value of a CP key, or null. */
    public String parameter(String key) {
        for (int i = 0; i < paramKV.length; i += 2) {
            if (paramKV[i].equals(key)) {
                return paramKV[i + 1];
            }
        }
        return null;
    }

    /** All values of a repeated CP key in order (e.g. {@code CTime} in CN 3014). */
    public List<String> parameterValues(String key) {
        List<String> out = new ArrayList<>(2);
        for (int i = 0; i < paramKV.length; i += 2) {
            if (paramKV[i].equals(key)) {
                out.add(paramKV[i + 1]);
            }
        }
        return out;
    }

    /** A CP time parameter (BeginTime, EndTime, SystemTime, RestartTime, ...) as a LocalDateTime, or null. */
    public LocalDateTime parameterTime(String key) {
        String v = parameter(key);
        return v == null ? null : Hj212Decoder.parseTime(v);
    }

    /** Pollutant / parameter data in arrival order. */
    public List<PollutantData> pollutants() {
        return pollutants;
    }

    /** The first pollutant with this (2017 or original) code, or null. */
    public PollutantData pollutant(String code) {
        for (PollutantData p : pollutants) {
            if (p.code().equals(code) || p.originalCode().equals(code)) {
                return p;
            }
        }
        return null;
    }

    /** Raw CP key/value pairs, flattened (package-private; used by the builder and assembler). */
    String[] paramKV() {
        return paramKV;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof Hj212Packet && dataSegment.equals(((Hj212Packet) o).dataSegment));
    }

    @Override
    public int hashCode() {
        return dataSegment.hashCode();
    }

    @Override
    public String toString() {
        return "Hj212Packet{" + version + ", QN=" + qn + ", ST=" + st + ", CN=" + cn + ", MN=" + mn + ", Flag=" + flag
            + (pnum != null ? ", PNUM=" + pnum + ", PNO=" + pno : "") + ", DataTime=" + dataTime
            + (paramKV.length > 0 ? ", params=" + parameters() : "") + ", pollutants=" + pollutants + '}';
    }

    /** Content equality including the decoded fields; same as {@link #equals} but spelled out (for tests). */
    boolean sameContent(Hj212Packet o) {
        return Objects.equals(qn, o.qn) && Objects.equals(st, o.st) && cn.equals(o.cn) && pw.equals(o.pw) && mn.equals(o.mn)
            && Objects.equals(flag, o.flag) && Objects.equals(pnum, o.pnum) && Objects.equals(pno, o.pno)
            && version == o.version && Objects.equals(dataTime, o.dataTime) && parameters().equals(o.parameters())
            && pollutants.equals(o.pollutants);
    }
}
