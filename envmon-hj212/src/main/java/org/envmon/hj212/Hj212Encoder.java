package org.envmon.hj212;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;

/** Frames data segments for the wire (HJ 212-2017 §6.3.1): {@code ##} + length + data + CRC + CRLF. */
public final class Hj212Encoder {

    private Hj212Encoder() {
    }

    /** Frames a data segment (encoded as UTF-8; ASCII in practice). */
    public static byte[] frame(String dataSegment) {
        return frame(dataSegment.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Frames data segment bytes: {@code ##}, the 4-digit zero-padded byte length (§6.3.1), the data, the CRC16 of
     * Annex A as 4 upper-case hex digits, CRLF.
     *
     * @throws IllegalArgumentException if the data segment is longer than 9999 bytes
     */
    public static byte[] frame(byte[] data) {
        int n = data.length;
        if (n > 9999) {
            throw new IllegalArgumentException("data segment of " + n + " bytes exceeds the 4-digit length field");
        }
        byte[] out = new byte[n + 12];
        out[0] = '#';
        out[1] = '#';
        out[2] = (byte) ('0' + n / 1000);
        out[3] = (byte) ('0' + n / 100 % 10);
        out[4] = (byte) ('0' + n / 10 % 10);
        out[5] = (byte) ('0' + n % 10);
        System.arraycopy(data, 0, out, 6, n);
        Hj212Crc.write(Hj212Crc.crc16(data, 0, n), out, 6 + n);
        out[n + 10] = '\r';
        out[n + 11] = '\n';
        return out;
    }

    /** {@code yyyyMMddHHmmssSSS}, the QN format (HJ 212-2017 §6.3.2). */
    public static String formatQn(LocalDateTime t) {
        StringBuilder sb = new StringBuilder(17);
        appendTime(sb, t);
        pad(sb, t.getNano() / 1_000_000, 3);
        return sb.toString();
    }

    /** {@code yyyyMMddHHmmss}, the DataTime / SystemTime / BeginTime format (HJ 212-2017 §6.3.3). */
    public static String formatTime(LocalDateTime t) {
        StringBuilder sb = new StringBuilder(14);
        appendTime(sb, t);
        return sb.toString();
    }

    private static void appendTime(StringBuilder sb, LocalDateTime t) {
        if (t.getYear() < 0 || t.getYear() > 9999) {
            throw new IllegalArgumentException("year out of range: " + t);
        }
        pad(sb, t.getYear(), 4);
        pad(sb, t.getMonthValue(), 2);
        pad(sb, t.getDayOfMonth(), 2);
        pad(sb, t.getHour(), 2);
        pad(sb, t.getMinute(), 2);
        pad(sb, t.getSecond(), 2);
    }

    private static void pad(StringBuilder sb, int v, int width) {
        String s = Integer.toString(v);
        for (int i = s.length(); i < width; i++) {
            sb.append('0');
        }
        sb.append(s);
    }
}
