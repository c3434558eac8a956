package org.envmon.hj212;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes one HJ 212 frame ({@code ##} + 4-digit length + data segment + 4 hex CRC, optional CRLF) into an
 * {@link Hj212Packet}, or rejects it with exactly one {@link RejectReason}. Stateless and thread-safe; one instance can
 * be shared by all connections. Works on bytes in a single pass; no regex, no {@code String.split}.
 *
 * <p>Checks, in this order (the first failure is the reason):
 * <ol>
 * <li>header {@code ##} ({@link RejectReason#NO_HEADER}); frame shorter than 10 bytes ({@code TRUNCATED});
 * 4 ASCII digits of length ({@code BAD_LENGTH_FIELD}); declared length above the limit ({@code OVERSIZE});
 * declared length equals the data segment byte length ({@code LENGTH_MISMATCH}) (HJ 212-2017 §6.3.1);</li>
 * <li>CRC16 of HJ 212-2017 Annex A over the data segment, hex compared case-insensitively ({@code BAD_CRC});</li>
 * <li>header fields {@code QN ST CN PW MN Flag PNUM PNO} then {@code CP=&&...&&} last (HJ 212-2017 §6.3.2, any order
 * tolerated): unknown or duplicate key, empty value, ST not 2-3 digits, CN not 4 digits, PW/MN not 1-32 printable
 * ASCII, CP not closed by {@code &&} ({@code BAD_FIELD}); QN not a 17-digit {@code yyyyMMddHHmmssSSS} time
 * ({@code BAD_TIME}); Flag not 0..255 ({@code BAD_FLAG}); PNUM/PNO not 1-4 digit positive numbers
 * ({@code BAD_SUBPACKET});</li>
 * <li>required fields ST, CN, PW, MN, CP, and QN when the version is 2017 or later ({@code MISSING_FIELD});</li>
 * <li>Flag: unknown version bits, D bit set without PNUM/PNO or clear with them ({@code BAD_FLAG}, §6.4);
 * PNO &gt; PNUM ({@code BAD_SUBPACKET});</li>
 * <li>CP (§6.3.3): every field {@code key=value}; values of -Rtd/-Avg/-Min/-Max/-Cou/-Zs* and of numeric
 * parameters are plain decimals {@code -?digits[.digits]} ({@code BAD_VALUE}); DataTime is 14 digits (17 digits
 * {@code yyyyMMddHHmmssSSS} also accepted for HJ/T 212-2005), SampleTime/BeginTime/EndTime/SystemTime/... 14 or 17
 * digits, and must be real calendar times ({@code BAD_TIME}); a pollutant field ({@code code-suffix}) twice in one
 * item ({@code BAD_FIELD}: which value is meant cannot be known).</li>
 * </ol>
 *
 * <p>Tolerances (real devices, see the 2016 capture): a trailing CRLF is stripped if present; header fields in any
 * order; missing Flag (then PNUM+PNO mean split); ST of 3 digits; ST of 1-3 blanks, i.e. NUL or space bytes (30
 * real 2005 frames of one logger send {@code ST=\0\0}; {@link Hj212Packet#st()} is then null); PW/MN of any length 1..32; empty CP items;
 * CP-level keys without a pollutant prefix (e.g. {@code Flag=N}, 2005 {@code QN=} inside CP) are kept as parameters;
 * repeated codes in separate items (see {@link PollutantData}); unknown suffixes kept as strings.
 */
public final class Hj212Decoder {

    /** The largest length the 4-digit length field can express (HJ 212-2017 §6.3.1). */
    public static final int DEFAULT_MAX_DATA_LENGTH = 9999;

    private static final CodeTable CODES = new CodeTable(ParameterCatalogue.standard());

    private static final String[] SMALL = new String[128];
    private static final String[] CN_CACHE = new String[10000];
    private static final String[] ST_CACHE = new String[1000];

    /** CP parameter kinds validated at decode time. */
    private static final int P_TIME = 1;
    private static final int P_QN = 2;
    private static final int P_NUMBER = 3;
    private static final Map<String, Integer> PARAM_KINDS = new HashMap<>();

    static {
        for (int c = 0x21; c < 0x7F; c++) {
            SMALL[c] = String.valueOf((char) c).intern();
        }
        // HJ 212-2017 §6.6 / Table 5 (field names): times and numeric parameters of the common commands.
        for (String k : new String[] {"BeginTime", "EndTime", "SystemTime", "RestartTime", "AlarmTime", "DataTime"}) {
            PARAM_KINDS.put(k, P_TIME);
        }
        PARAM_KINDS.put("QN", P_QN);
        for (String k : new String[] {"QnRtn", "ExeRtn", "RtdInterval", "MinInterval", "HeartbeatTime", "OverTime",
            "ReCount", "AlarmType"}) {
            PARAM_KINDS.put(k, P_NUMBER);
        }
    }

    private static final double[] POW10 = new double[23];

    static {
        double p = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p;
            p *= 10;
        }
    }

    private final int maxDataLength;

    /** A decoder accepting data segments up to {@link #DEFAULT_MAX_DATA_LENGTH} bytes. */
    public Hj212Decoder() {
        this(DEFAULT_MAX_DATA_LENGTH);
    }

    /** A decoder rejecting declared data lengths above {@code maxDataLength} as {@link RejectReason#OVERSIZE}. */
    public Hj212Decoder(int maxDataLength) {
        if (maxDataLength < 0 || maxDataLength > DEFAULT_MAX_DATA_LENGTH) {
            throw new IllegalArgumentException("maxDataLength must be 0..9999: " + maxDataLength);
        }
        this.maxDataLength = maxDataLength;
    }

    /** Decodes a whole frame ({@code ##LLLL...CCCC}, CRLF optional). */
    public Hj212Result decode(byte[] frame) {
        return decode(frame, 0, frame.length);
    }

    /** Decodes a frame held in {@code b[off, off+len)}. The array is not retained. */
    public Hj212Result decode(byte[] b, int off, int len) {
        // HJ 212-2017 §6.3.1: "##" + LLLL + data + CCCC + CRLF
        if (len < 2 || b[off] != '#' || b[off + 1] != '#') {
            return Hj212Result.rejected(RejectReason.NO_HEADER, "frame does not start with ##");
        }
        if (len >= 2 && b[off + len - 1] == '\n' && len >= 12 && b[off + len - 2] == '\r') {
            len -= 2; // tolerate the CRLF tail if the caller kept it
        }
        if (len < 6) {
            return Hj212Result.rejected(RejectReason.TRUNCATED, "frame of " + len + " bytes ends inside the length field");
        }
        int declared = 0;
        for (int i = 2; i < 6; i++) {
            int d = b[off + i] - '0';
            if (d < 0 || d > 9) {
                return Hj212Result.rejected(RejectReason.BAD_LENGTH_FIELD,
                    "length field '" + printable(b, off + 2, 4) + "' is not 4 digits");
            }
            declared = declared * 10 + d;
        }
        if (declared > maxDataLength) {
            return Hj212Result.rejected(RejectReason.OVERSIZE, "declared length " + declared + " > " + maxDataLength);
        }
        if (len < 10) {
            return Hj212Result.rejected(RejectReason.TRUNCATED, "frame of " + len + " bytes has no room for a CRC");
        }
        int actual = len - 10;
        if (actual != declared) {
            return Hj212Result.rejected(RejectReason.LENGTH_MISMATCH,
                "declared length " + declared + " but data segment has " + actual + " bytes");
        }
        int dataOff = off + 6;
        // HJ 212-2017 Annex A: CRC16 over the data segment only, 4 hex digits (compare case-insensitively)
        int sent = Hj212Crc.parseHex4(b, dataOff + declared);
        if (sent < 0) {
            return Hj212Result.rejected(RejectReason.BAD_CRC, "CRC field '" + printable(b, dataOff + declared, 4) + "' is not hex");
        }
        int crc = Hj212Crc.crc16(b, dataOff, declared);
        if (crc != sent) {
            return Hj212Result.rejected(RejectReason.BAD_CRC,
                "CRC " + printable(b, dataOff + declared, 4) + " != computed " + Hj212Crc.format(crc));
        }
        return decodeDataSegment(b, dataOff, declared);
    }

    /** Decodes a data segment alone (no header, length or CRC checks): used for reassembled packets and tests. */
    public Hj212Result decodeDataSegment(byte[] b, int off, int len) {
        return new Parser(b, off, len).run();
    }

    /** Decodes a data segment given as a string (UTF-8). */
    public Hj212Result decodeDataSegment(String dataSegment) {
        byte[] d = dataSegment.getBytes(StandardCharsets.UTF_8);
        return decodeDataSegment(d, 0, d.length);
    }

    // ------------------------------------------------------------------------------------------------------------

    /** Per-call parse state. */
    private static final class Parser {
        final byte[] b;
        final int off;
        final int end;
        RejectReason reason;
        String detail;

        String qn;
        LocalDateTime qnTime;
        String st;
        boolean blankSt;
        String cn;
        String pw;
        String mn;
        int flag = -1;
        int pnum = -1;
        int pno = -1;
        int cpStart = -1;
        int cpEnd = -1;
        ProtocolVersion version;

        LocalDateTime dataTime;
        LocalDateTime groupTime;
        int groupStart;
        String[] kv = EMPTY;
        int kvSize;
        final ArrayList<PollutantData> pollutants = new ArrayList<>(16);

        static final String[] EMPTY = new String[0];

        Parser(byte[] b, int off, int len) {
            this.b = b;
            this.off = off;
            this.end = off + len;
        }

        Hj212Result fail(RejectReason r, String d) {
            if (reason == null) {
                reason = r;
                detail = d;
            }
            return null;
        }

        Hj212Result run() {
            if (!parseHeader() || !checkHeader() || !parseCp()) {
                return Hj212Result.rejected(reason, detail);
            }
            String[] params = kvSize == 0 ? EMPTY : java.util.Arrays.copyOf(kv, kvSize);
            List<PollutantData> list = pollutants.isEmpty() ? Collections.emptyList()
                : Collections.unmodifiableList(pollutants);
            boolean d = pnum > 0;
            Hj212Packet p = new Hj212Packet(qn, qnTime, st, cn, pw, mn, flag < 0 ? null : flag,
                d ? pnum : null, d ? pno : null, version, str(b, off, end - off), dataTime, params, list);
            return Hj212Result.accepted(p);
        }

        // HJ 212-2017 §6.3.2: QN=..;ST=..;CN=..;PW=..;MN=..;Flag=..;[PNUM=..;PNO=..;]CP=&&...&&
        boolean parseHeader() {
            int p = off;
            while (p < end) {
                int eq = p;
                while (eq < end && b[eq] != '=' && b[eq] != ';') {
                    eq++;
                }
                if (eq >= end || b[eq] != '=') {
                    fail(RejectReason.BAD_FIELD, "header field '" + printable(b, p, Math.min(eq, end) - p) + "' has no '='");
                    return false;
                }
                int klen = eq - p;
                int v = eq + 1;
                if (klen == 2 && b[p] == 'C' && b[p + 1] == 'P') {
                    // HJ 212-2017 §6.3.2: CP=&& ... && closes the data segment
                    if (end - v < 4 || b[v] != '&' || b[v + 1] != '&' || b[end - 1] != '&' || b[end - 2] != '&') {
                        fail(RejectReason.BAD_FIELD, "CP is not enclosed in && ... &&");
                        return false;
                    }
                    cpStart = v + 2;
                    cpEnd = end - 2;
                    return true;
                }
                int ve = v;
                while (ve < end && b[ve] != ';') {
                    ve++;
                }
                if (ve >= end) {
                    fail(RejectReason.BAD_FIELD, "header field '" + printable(b, p, klen) + "' not terminated by ';'");
                    return false;
                }
                if (ve == v) {
                    fail(RejectReason.BAD_FIELD, "header field '" + printable(b, p, klen) + "' is empty");
                    return false;
                }
                if (!headerField(p, klen, v, ve)) {
                    return false;
                }
                p = ve + 1;
            }
            fail(RejectReason.MISSING_FIELD, "no CP field");
            return false;
        }

        boolean headerField(int k, int klen, int v, int ve) {
            int vlen = ve - v;
            byte c0 = b[k];
            if (klen == 2) {
                byte c1 = b[k + 1];
                if (c0 == 'Q' && c1 == 'N') {
                    if (qn != null) {
                        return dup("QN");
                    }
                    // QN = yyyyMMddHHmmssSSS (HJ 212-2017 §6.3.2 Table 3)
                    LocalDateTime t = vlen == 17 ? time(b, v, 17) : null;
                    if (t == null) {
                        fail(RejectReason.BAD_TIME, "QN '" + printable(b, v, vlen) + "' is not yyyyMMddHHmmssSSS");
                        return false;
                    }
                    qn = ascii(b, v, vlen);
                    qnTime = t;
                    return true;
                }
                if (c0 == 'S' && c1 == 'T') {
                    if (st != null || blankSt) {
                        return dup("ST");
                    }
                    if (vlen <= 3 && blank(v, vlen)) {
                        // tolerated: a real HJ/T 212-2005 logger sends ST=\0\0 in daily data (2016 capture); st() = null
                        blankSt = true;
                        return true;
                    }
                    int n = digits(b, v, vlen);
                    if (n < 0 || vlen < 2 || vlen > 3) {
                        fail(RejectReason.BAD_FIELD, "ST '" + printable(b, v, vlen) + "' is not 2 digits");
                        return false;
                    }
                    String s = ST_CACHE[n];
                    if (s == null || s.length() != vlen) {
                        s = ascii(b, v, vlen);
                        if (vlen == 2) {
                            ST_CACHE[n] = s;
                        }
                    }
                    st = s;
                    return true;
                }
                if (c0 == 'C' && c1 == 'N') {
                    if (cn != null) {
                        return dup("CN");
                    }
                    int n = vlen == 4 ? digits(b, v, 4) : -1;
                    if (n < 0) {
                        fail(RejectReason.BAD_FIELD, "CN '" + printable(b, v, vlen) + "' is not 4 digits");
                        return false;
                    }
                    String s = CN_CACHE[n];
                    if (s == null) {
                        CN_CACHE[n] = s = ascii(b, v, 4);
                    }
                    cn = s;
                    return true;
                }
                if (c0 == 'P' && c1 == 'W') {
                    if (pw != null) {
                        return dup("PW");
                    }
                    pw = vlen == 6 && b[v] == '1' && b[v + 1] == '2' && b[v + 2] == '3' && b[v + 3] == '4'
                        && b[v + 4] == '5' && b[v + 5] == '6' ? "123456" : printableField("PW", v, vlen);
                    return pw != null;
                }
                if (c0 == 'M' && c1 == 'N') {
                    if (mn != null) {
                        return dup("MN");
                    }
                    mn = printableField("MN", v, vlen);
                    return mn != null;
                }
            } else if (klen == 4 && c0 == 'F' && b[k + 1] == 'l' && b[k + 2] == 'a' && b[k + 3] == 'g') {
                if (flag >= 0) {
                    return dup("Flag");
                }
                int n = vlen <= 3 ? digits(b, v, vlen) : -1;
                if (n < 0 || n > 255) {
                    fail(RejectReason.BAD_FLAG, "Flag '" + printable(b, v, vlen) + "' is not 0..255");
                    return false;
                }
                flag = n;
                return true;
            } else if (klen == 4 && c0 == 'P' && b[k + 1] == 'N' && b[k + 2] == 'U' && b[k + 3] == 'M') {
                if (pnum >= 0) {
                    return dup("PNUM");
                }
                int n = positive("PNUM", b, v, vlen);
                if (n > 0) {
                    pnum = n;
                }
                return n > 0;
            } else if (klen == 3 && c0 == 'P' && b[k + 1] == 'N' && b[k + 2] == 'O') {
                if (pno >= 0) {
                    return dup("PNO");
                }
                int n = positive("PNO", b, v, vlen);
                if (n > 0) {
                    pno = n;
                }
                return n > 0;
            }
            fail(RejectReason.BAD_FIELD, "unknown header field '" + printable(b, k, klen) + "'");
            return false;
        }

        boolean blank(int v, int vlen) {
            for (int i = v; i < v + vlen; i++) {
                if (b[i] != ' ' && b[i] != 0) {
                    return false;
                }
            }
            return true;
        }

        /** PNUM or PNO: a positive number of at most 4 digits, else the packet is rejected and 0 returned. */
        int positive(String key, byte[] b, int v, int vlen) {
            int n = vlen <= 4 ? digits(b, v, vlen) : -1;
            if (n <= 0) {
                fail(RejectReason.BAD_SUBPACKET, key + " '" + printable(b, v, vlen) + "' is not a positive number");
                return 0;
            }
            return n;
        }

        boolean dup(String key) {
            fail(RejectReason.BAD_FIELD, "duplicate header field " + key);
            return false;
        }

        /** A PW or MN value: 1-32 printable ASCII characters; null after a rejection otherwise. */
        String printableField(String key, int v, int vlen) {
            if (!printableAscii(v, vlen)) {
                fail(RejectReason.BAD_FIELD, key + " must be 1-32 printable ASCII characters");
                return null;
            }
            return ascii(b, v, vlen);
        }

        boolean printableAscii(int v, int vlen) {
            if (vlen < 1 || vlen > 32) {
                return false;
            }
            for (int i = v; i < v + vlen; i++) {
                if (b[i] < 0x21 || b[i] > 0x7E) {
                    return false;
                }
            }
            return true;
        }

        boolean checkHeader() {
            if (st == null && !blankSt) {
                return missing("ST");
            }
            if (cn == null) {
                return missing("CN");
            }
            if (pw == null) {
                return missing("PW");
            }
            if (mn == null) {
                return missing("MN");
            }
            // HJ 212-2017 §6.4: Flag = V5..V0 D A
            if (flag >= 0) {
                version = ProtocolVersion.ofVersionBits(flag >>> 2);
                if (version == null) {
                    fail(RejectReason.BAD_FLAG, "Flag " + flag + " has unknown version bits " + (flag >>> 2));
                    return false;
                }
            } else {
                version = guessVersion();
            }
            if (qn == null && version.isAtLeast2017()) {
                return missing("QN");
            }
            boolean hasSub = pnum >= 0 || pno >= 0;
            if (flag >= 0) {
                boolean d = (flag & Hj212Packet.FLAG_D) != 0;
                if (d && (pnum < 0 || pno < 0)) {
                    fail(RejectReason.BAD_FLAG, "Flag " + flag + " has D=1 but PNUM/PNO are missing");
                    return false;
                }
                if (!d && hasSub) {
                    fail(RejectReason.BAD_FLAG, "Flag " + flag + " has D=0 but PNUM/PNO are present");
                    return false;
                }
            } else if (hasSub && (pnum < 0 || pno < 0)) {
                fail(RejectReason.BAD_SUBPACKET, "PNUM and PNO must come together");
                return false;
            }
            if (pnum > 0 && pno > pnum) {
                fail(RejectReason.BAD_SUBPACKET, "PNO " + pno + " > PNUM " + pnum);
                return false;
            }
            return true;
        }

        boolean missing(String f) {
            fail(RejectReason.MISSING_FIELD, "missing " + f);
            return false;
        }

        /** No Flag: 2005 unless QN is present and the MN is 24 chars or the CP uses 2017 codes (digest §9.5). */
        ProtocolVersion guessVersion() {
            if (qn == null) {
                return ProtocolVersion.HJT212_2005;
            }
            if (mn.length() == 24) {
                return ProtocolVersion.HJ212_2017;
            }
            // a 2017-style code: lower-case letter + 5 digits + '-'
            for (int i = cpStart; i + 6 < cpEnd; i++) {
                byte c = b[i];
                if (c >= 'a' && c <= 'z' && (i == cpStart || b[i - 1] == ';' || b[i - 1] == ',')
                    && b[i + 6] == '-' && digits(b, i + 1, 5) >= 0) {
                    return ProtocolVersion.HJ212_2017;
                }
            }
            return ProtocolVersion.HJT212_2005;
        }

        /** Key spans (start, length) of the pollutant fields seen in the current CP item. */
        int[] itemKeys = new int[16];
        int itemKeyCount;

        // HJ 212-2017 §6.3.3: items separated by ';', fields by ',', key=value
        boolean parseCp() {
            int p = cpStart;
            final int e = cpEnd;
            while (p < e) {
                if (p > cpStart && b[p - 1] == ';') {
                    itemKeyCount = 0;
                }
                int fe = p;
                byte c = 0;
                int eq = -1;
                int dash = -1;
                while (fe < e && (c = b[fe]) != ';' && c != ',') {
                    if (c == '&') {
                        fail(RejectReason.BAD_FIELD, "'&' inside CP");
                        return false;
                    }
                    if (c == '=' && eq < 0) {
                        eq = fe;
                    } else if (c == '-' && dash < 0 && eq < 0) {
                        dash = fe;
                    }
                    fe++;
                }
                if (fe > p) {
                    if (eq < 0) {
                        fail(RejectReason.BAD_FIELD, "CP field '" + printable(b, p, fe - p) + "' has no '='");
                        return false;
                    }
                    if (eq == p) {
                        fail(RejectReason.BAD_FIELD, "CP field with empty key");
                        return false;
                    }
                    if (dash >= 0 && repeatedInItem(p, eq)) {
                        fail(RejectReason.BAD_FIELD, "CP field '" + printable(b, p, eq - p)
                            + "' appears twice in one item: the value would be ambiguous");
                        return false;
                    }
                    if (!(dash >= 0 ? pollutantField(p, dash, eq, fe) : plainField(p, eq, fe))) {
                        return false;
                    }
                }
                p = fe + 1;
            }
            return true;
        }

        /**
         * True if the pollutant field key {@code b[k, eq)} (code and suffix, e.g. {@code a34004-Rtd}) already occurred
         * in the current CP item; otherwise remembers it. An item describes one factor once (§6.3.3), so two values
         * for one field there cannot both be right; across items a repeat is a second channel and is kept.
         */
        boolean repeatedInItem(int k, int eq) {
            int len = eq - k;
            for (int i = 0; i < itemKeyCount; i += 2) {
                if (itemKeys[i + 1] == len && java.util.Arrays.equals(b, itemKeys[i], itemKeys[i] + len, b, k, eq)) {
                    return true;
                }
            }
            if (itemKeyCount + 2 > itemKeys.length) {
                itemKeys = java.util.Arrays.copyOf(itemKeys, itemKeys.length * 2);
            }
            itemKeys[itemKeyCount++] = k;
            itemKeys[itemKeyCount++] = len;
            return false;
        }

        boolean plainField(int k, int eq, int fe) {
            int klen = eq - k;
            int v = eq + 1;
            int vlen = fe - v;
            if (klen == 8 && b[k] == 'D' && b[k + 1] == 'a' && b[k + 2] == 't' && b[k + 3] == 'a' && b[k + 4] == 'T'
                && b[k + 5] == 'i' && b[k + 6] == 'm' && b[k + 7] == 'e') {
                // DataTime: 14 digits (HJ 212-2017 §6.3.3); 17 digits yyyyMMddHHmmssSSS in HJ/T 212-2005
                LocalDateTime t = vlen == 14 || (vlen == 17 && version == ProtocolVersion.HJT212_2005)
                    ? time(b, v, vlen) : null;
                if (t == null) {
                    fail(RejectReason.BAD_TIME, "DataTime '" + printable(b, v, vlen) + "' is not a valid "
                        + (version == ProtocolVersion.HJT212_2005 ? "14/17" : "14") + "-digit time");
                    return false;
                }
                if (dataTime == null && pollutants.isEmpty()) {
                    dataTime = t;
                } else {
                    // a later DataTime opens a new group (HJ 212-2017 allows one per pollutant group)
                    groupTime = t;
                    groupStart = pollutants.size();
                }
                return true;
            }
            String key = ascii(b, k, klen);
            Integer kind = PARAM_KINDS.get(key);
            if (kind != null) {
                int ki = kind;
                if (ki == P_TIME && (vlen != 14 && vlen != 17 || time(b, v, vlen) == null)) {
                    fail(RejectReason.BAD_TIME, key + " '" + printable(b, v, vlen) + "' is not a valid time");
                    return false;
                }
                if (ki == P_QN && (vlen != 17 || time(b, v, vlen) == null)) {
                    fail(RejectReason.BAD_TIME, "QN '" + printable(b, v, vlen) + "' is not yyyyMMddHHmmssSSS");
                    return false;
                }
                if (ki == P_NUMBER && Double.isNaN(number(b, v, fe))) {
                    fail(RejectReason.BAD_VALUE, key + " '" + printable(b, v, vlen) + "' is not a number");
                    return false;
                }
            }
            addParam(key, str(b, v, vlen));
            return true;
        }

        void addParam(String key, String value) {
            if (kvSize + 2 > kv.length) {
                kv = java.util.Arrays.copyOf(kv, Math.max(8, kv.length * 2));
            }
            kv[kvSize++] = key;
            kv[kvSize++] = value;
        }

        static final int K_FLAG = 9;
        static final int K_EFLAG = 10;
        static final int K_SAMPLE = 11;
        static final int K_OTHER = -1;

        /** Suffix kind: ValueField ordinal 0..8, or K_FLAG/K_EFLAG/K_SAMPLE, or K_OTHER. */
        int suffixKind(int s, int len) {
            byte c0 = b[s];
            if (len == 3) {
                byte c1 = b[s + 1];
                byte c2 = b[s + 2];
                if (c0 == 'R' && c1 == 't' && c2 == 'd') {
                    return 0;
                }
                if (c0 == 'A' && c1 == 'v' && c2 == 'g') {
                    return 1;
                }
                if (c0 == 'M') {
                    if (c1 == 'i' && c2 == 'n') {
                        return 2;
                    }
                    if (c1 == 'a' && c2 == 'x') {
                        return 3;
                    }
                }
                if (c0 == 'C' && c1 == 'o' && c2 == 'u') {
                    return 4;
                }
                return K_OTHER;
            }
            if (len == 4) {
                return c0 == 'F' && b[s + 1] == 'l' && b[s + 2] == 'a' && b[s + 3] == 'g' ? K_FLAG : K_OTHER;
            }
            if (len == 5) {
                byte c2 = b[s + 2];
                byte c3 = b[s + 3];
                byte c4 = b[s + 4];
                if (c0 == 'Z' && b[s + 1] == 's') {
                    if (c2 == 'R' && c3 == 't' && c4 == 'd') {
                        return 5;
                    }
                    if (c2 == 'A' && c3 == 'v' && c4 == 'g') {
                        return 6;
                    }
                    if (c2 == 'M' && c3 == 'i' && c4 == 'n') {
                        return 7;
                    }
                    if (c2 == 'M' && c3 == 'a' && c4 == 'x') {
                        return 8;
                    }
                    return K_OTHER;
                }
                if (c0 == 'E' && b[s + 1] == 'F' && c2 == 'l' && c3 == 'a' && c4 == 'g') {
                    return K_EFLAG;
                }
                return K_OTHER;
            }
            if (len == 10 && c0 == 'S' && b[s + 1] == 'a' && b[s + 6] == 'T' && eq(s, "SampleTime")) {
                return K_SAMPLE;
            }
            return K_OTHER;
        }

        boolean eq(int s, String lit) {
            for (int i = 0; i < lit.length(); i++) {
                if (b[s + i] != lit.charAt(i)) {
                    return false;
                }
            }
            return true;
        }

        boolean pollutantField(int k, int dash, int eq, int fe) {
            int clen = dash - k;
            int s = dash + 1;
            int slen = eq - s;
            if (clen == 0 || slen == 0) {
                fail(RejectReason.BAD_FIELD, "CP field '" + printable(b, k, eq - k) + "' has an empty code or suffix");
                return false;
            }
            int v = eq + 1;
            int vlen = fe - v;
            int kind = suffixKind(s, slen);
            PollutantData target = find(k, clen);
            if (kind >= 0 && kind <= 8) {
                double x = number(b, v, fe);
                if (Double.isNaN(x)) {
                    fail(RejectReason.BAD_VALUE, printable(b, k, eq - k) + " value '" + printable(b, v, vlen)
                        + "' is not a number");
                    return false;
                }
                if (target == null || (target.mask() & (1 << kind)) != 0) {
                    target = newPollutant(k, clen);
                }
                target.set(kind, x);
                return true;
            }
            if (kind == K_SAMPLE) {
                LocalDateTime t = vlen == 14 || vlen == 17 ? time(b, v, vlen) : null;
                if (t == null) {
                    fail(RejectReason.BAD_TIME, printable(b, k, eq - k) + " '" + printable(b, v, vlen)
                        + "' is not a valid time");
                    return false;
                }
                if (target == null || (target.sampleTime() != null && !target.sampleTime().equals(t))) {
                    target = newPollutant(k, clen);
                }
                target.sampleTime(t);
                return true;
            }
            if (vlen == 0) {
                fail(RejectReason.BAD_FIELD, printable(b, k, eq - k) + " has an empty value");
                return false;
            }
            if (kind == K_FLAG || kind == K_EFLAG) {
                String f = vlen == 1 && b[v] > 0 ? SMALL[b[v]] : null;
                if (f == null) {
                    f = str(b, v, vlen);
                }
                String old = kind == K_FLAG ? (target == null ? null : target.flag())
                    : (target == null ? null : target.eFlag());
                if (target == null || (old != null && !old.equals(f))) {
                    target = newPollutant(k, clen);
                }
                if (kind == K_FLAG) {
                    target.flag(f);
                } else {
                    target.eFlag(f);
                }
                return true;
            }
            String key = ascii(b, s, slen);
            String val = str(b, v, vlen);
            String old = target == null ? null : target.otherValue(key);
            if (target == null || (old != null && !old.equals(val))) {
                target = newPollutant(k, clen);
            }
            target.putOther(key, val);
            return true;
        }

        /** The most recent pollutant of the current group with this original code, or null. */
        PollutantData find(int k, int clen) {
            for (int i = pollutants.size() - 1; i >= groupStart; i--) {
                PollutantData p = pollutants.get(i);
                String oc = p.originalCode();
                if (oc.length() == clen && eq(k, oc)) {
                    return p;
                }
            }
            return null;
        }

        PollutantData newPollutant(int k, int clen) {
            CodeTable.Entry e = CODES.lookup(b, k, clen);
            PollutantData p = e != null ? new PollutantData(e.code, e.original, e.parameter, groupTime)
                : newUnknown(k, clen);
            pollutants.add(p);
            return p;
        }

        PollutantData newUnknown(int k, int clen) {
            String c = str(b, k, clen);
            return new PollutantData(c, c, null, groupTime);
        }
    }

    // ---------------------------------------------------------------------------------------------- helpers

    /** Value of {@code len} ASCII digits, or -1 if empty or any is not a digit. */
    static int digits(byte[] b, int off, int len) {
        if (len <= 0 || len > 9) {
            return -1;
        }
        int n = 0;
        for (int i = off; i < off + len; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            n = n * 10 + d;
        }
        return n;
    }

    /**
     * Parses a plain decimal {@code -?digits[.digits]} or {@code -?.digits} in {@code b[s, e)}; returns NaN when the
     * syntax is wrong (no exponent, no '+', no NaN/Infinity: one spelling per value). Exact fast path for up to 15
     * significant digits (mantissa and power of ten are exact doubles, so the division is correctly rounded);
     * otherwise {@link Double#parseDouble}, also correctly rounded.
     */
    static double number(byte[] b, int s, int e) {
        if (s >= e) {
            return Double.NaN;
        }
        int i = s;
        boolean neg = false;
        if (b[i] == '-') {
            neg = true;
            i++;
        }
        long m = 0;
        int frac = -1;
        boolean slow = false;
        for (; i < e; i++) {
            int c = b[i];
            int d = c - '0';
            if (d >= 0 && d <= 9) {
                if (m < 100_000_000_000_000L) {
                    m = m * 10 + d;
                } else {
                    slow = true;
                }
                if (frac >= 0) {
                    frac++;
                }
            } else if (c == '.' && frac < 0) {
                frac = 0;
            } else {
                return Double.NaN;
            }
        }
        int digitsSeen = (e - s) - (neg ? 1 : 0) - (frac >= 0 ? 1 : 0);
        if (digitsSeen == 0) {
            return Double.NaN;
        }
        if (slow || (frac > 22)) {
            return Double.parseDouble(new String(b, s, e - s, StandardCharsets.ISO_8859_1));
        }
        double v = frac > 0 ? m / POW10[frac] : (double) m;
        return neg ? -v : v;
    }

    /**
     * Reads {@code yyyyMMddHHmmss} (14) or {@code yyyyMMddHHmmssSSS} (17) digits as a local time; null if not digits or
     * not a real calendar time. No exceptions on the hot path.
     */
    static LocalDateTime time(byte[] b, int off, int len) {
        if (len != 14 && len != 17) {
            return null;
        }
        int y = digits(b, off, 4);
        int mo = digits(b, off + 4, 2);
        int d = digits(b, off + 6, 2);
        int h = digits(b, off + 8, 2);
        int mi = digits(b, off + 10, 2);
        int s = digits(b, off + 12, 2);
        int ms = len == 17 ? digits(b, off + 14, 3) : 0;
        if (y < 0 || mo < 1 || mo > 12 || d < 1 || h < 0 || h > 23 || mi < 0 || mi > 59 || s < 0 || s > 59 || ms < 0) {
            return null;
        }
        int dim;
        switch (mo) {
            case 2:
                dim = (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28;
                break;
            case 4: case 6: case 9: case 11:
                dim = 30;
                break;
            default:
                dim = 31;
        }
        if (d > dim) {
            return null;
        }
        return LocalDateTime.of(y, mo, d, h, mi, s, ms * 1_000_000);
    }

    /** Parses a 14- or 17-digit HJ 212 time string; null if invalid. */
    public static LocalDateTime parseTime(String s) {
        if (s == null) {
            return null;
        }
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        return time(b, 0, b.length);
    }

    static String ascii(byte[] b, int off, int len) {
        return new String(b, off, len, StandardCharsets.ISO_8859_1);
    }

    /** A string from bytes: ISO-8859-1 fast path for ASCII, UTF-8 if any byte is >= 0x80. */
    static String str(byte[] b, int off, int len) {
        int neg = 0;
        for (int i = off, e = off + len; i < e; i++) {
            neg |= b[i];
        }
        return new String(b, off, len, neg < 0 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    }

    /** For reject details: the bytes with non-printables escaped, at most 40 chars. */
    static String printable(byte[] b, int off, int len) {
        StringBuilder sb = new StringBuilder();
        int n = Math.max(0, Math.min(len, Math.min(40, b.length - off)));
        for (int i = off; i < off + n; i++) {
            int c = b[i] & 0xFF;
            if (c >= 0x20 && c < 0x7F) {
                sb.append((char) c);
            } else {
                sb.append(String.format("\\x%02X", c));
            }
        }
        if (len > n) {
            sb.append("...");
        }
        return sb.toString();
    }
}
