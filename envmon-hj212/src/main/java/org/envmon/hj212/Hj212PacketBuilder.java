package org.envmon.hj212;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds station data packets (CN 2011 real-time, 2051 minute, 2061 hourly, 2031 daily, or any CN) for simulators
 * and tests. Layout per HJ 212-2017 §6.3.2-§6.3.3: {@code QN;ST;CN;PW;MN;Flag;[PNUM;PNO;]CP=&&DataTime=..;
 * code-Field=v,code-Flag=N;...&&}. Whatever it builds, {@link Hj212Decoder} decodes back to the same values.
 * Not thread-safe.
 */
public final class Hj212PacketBuilder {

    private String qn;
    private String st = "22";
    private final String cn;
    private String pw = "123456";
    private String mn;
    private ProtocolVersion version = ProtocolVersion.HJ212_2017;
    private boolean answer;
    private int pnum;
    private int pno;
    private LocalDateTime dataTime;
    private final Map<String, List<String>> items = new LinkedHashMap<>();
    private final List<String> params = new ArrayList<>();

    private Hj212PacketBuilder(String cn) {
        if (cn == null || !cn.matches("\\d{4}")) {
            throw new IllegalArgumentException("CN must be 4 digits: " + cn);
        }
        this.cn = cn;
    }

    /** A builder for command code {@code cn}, e.g. "2011". Defaults: ST 22, PW 123456, HJ 212-2017, A=0. */
    public static Hj212PacketBuilder create(String cn) {
        return new Hj212PacketBuilder(cn);
    }

    public Hj212PacketBuilder qn(LocalDateTime t) {
        this.qn = Hj212Encoder.formatQn(t);
        return this;
    }

    public Hj212PacketBuilder st(String st) {
        this.st = Objects.requireNonNull(st);
        return this;
    }

    public Hj212PacketBuilder pw(String pw) {
        this.pw = Objects.requireNonNull(pw);
        return this;
    }

    public Hj212PacketBuilder mn(String mn) {
        this.mn = Objects.requireNonNull(mn);
        return this;
    }

    public Hj212PacketBuilder version(ProtocolVersion v) {
        this.version = Objects.requireNonNull(v);
        return this;
    }

    /** Sets Flag bit A (HJ 212-2017 §6.4): the platform must answer with 9014. */
    public Hj212PacketBuilder answerRequired(boolean a) {
        this.answer = a;
        return this;
    }

    /** Marks the packet as sub-packet {@code pno} of {@code pnum} (Flag bit D, §6.4). */
    public Hj212PacketBuilder split(int pnum, int pno) {
        if (pnum < 1 || pno < 1 || pno > pnum || pnum > 9999) {
            throw new IllegalArgumentException("bad PNUM/PNO " + pnum + "/" + pno);
        }
        this.pnum = pnum;
        this.pno = pno;
        return this;
    }

    public Hj212PacketBuilder dataTime(LocalDateTime t) {
        this.dataTime = t;
        return this;
    }

    /** Adds {@code code-Field=value} with the shortest decimal that reads back as exactly {@code value}. */
    public Hj212PacketBuilder value(String code, ValueField f, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("not finite: " + value);
        }
        String text = Double.doubleToRawLongBits(value) == Long.MIN_VALUE ? "-0" // BigDecimal drops the sign of -0.0
            : BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        return field(code, f.suffix(), text);
    }

    /** Adds {@code code-Field=value} rounded half-up to {@code decimals} places (e.g. the catalogue's decimals). */
    public Hj212PacketBuilder value(String code, ValueField f, double value, int decimals) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("not finite: " + value);
        }
        return field(code, f.suffix(), BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).toPlainString());
    }

    /** Adds {@code code-Flag=flag} (N, F, M, S, D, C, T, B; digest §9.4). */
    public Hj212PacketBuilder flag(String code, String flag) {
        return field(code, "Flag", flag);
    }

    public Hj212PacketBuilder eFlag(String code, String eFlag) {
        return field(code, "EFlag", eFlag);
    }

    public Hj212PacketBuilder sampleTime(String code, LocalDateTime t) {
        return field(code, "SampleTime", Hj212Encoder.formatTime(t));
    }

    /** Adds any other suffix, e.g. {@code field("SB1", "RS", "1")}. */
    public Hj212PacketBuilder field(String code, String suffix, String value) {
        checkToken(code);
        checkToken(suffix);
        checkValue(value);
        items.computeIfAbsent(code, k -> new ArrayList<>(4)).add(code + "-" + suffix + "=" + value);
        return this;
    }

    /** Adds a CP parameter {@code key=value} after the pollutant items (e.g. RtdInterval=30). */
    public Hj212PacketBuilder param(String key, String value) {
        checkToken(key);
        checkValue(value);
        params.add(key + "=" + value);
        return this;
    }

    private static void checkToken(String s) {
        if (s == null || s.isEmpty() || s.chars().anyMatch(c -> c == '-' || c == '=' || c == ';' || c == ',' || c == '&'
            || c <= 0x20 || c >= 0x7F)) {
            throw new IllegalArgumentException("bad token: " + s);
        }
    }

    private static void checkValue(String s) {
        if (s == null || s.isEmpty() || s.chars().anyMatch(c -> c == ';' || c == ',' || c == '&' || c == '#'
            || c == '\r' || c == '\n')) {
            throw new IllegalArgumentException("bad value: " + s);
        }
    }

    /** Flag value: version bits, D and A (HJ 212-2017 §6.4). */
    public int flagValue() {
        return (version.versionBits() << 2) | (pnum > 0 ? Hj212Packet.FLAG_D : 0) | (answer ? Hj212Packet.FLAG_A : 0);
    }

    /** The data segment. */
    public String dataSegment() {
        if (mn == null) {
            throw new IllegalStateException("MN not set");
        }
        if (qn == null && version.isAtLeast2017()) {
            throw new IllegalStateException("QN is required for " + version);
        }
        StringBuilder sb = new StringBuilder(256);
        if (qn != null) {
            sb.append("QN=").append(qn).append(';');
        }
        sb.append("ST=").append(st).append(";CN=").append(cn).append(";PW=").append(pw).append(";MN=").append(mn)
            .append(";Flag=").append(flagValue()).append(';');
        if (pnum > 0) {
            sb.append("PNUM=").append(pnum).append(";PNO=").append(pno).append(';');
        }
        sb.append("CP=&&");
        String sep = "";
        if (dataTime != null) {
            sb.append("DataTime=").append(Hj212Encoder.formatTime(dataTime));
            sep = ";";
        }
        for (List<String> fields : items.values()) {
            sb.append(sep).append(String.join(",", fields));
            sep = ";";
        }
        for (String p : params) {
            sb.append(sep).append(p);
            sep = ";";
        }
        return sb.append("&&").toString();
    }

    /** The complete frame with CRLF. */
    public byte[] frame() {
        return Hj212Encoder.frame(dataSegment());
    }
}
