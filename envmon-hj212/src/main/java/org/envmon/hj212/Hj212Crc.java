package org.envmon.hj212;

/**
 * The HJ 212 CRC16 (HJ 212-2017 Annex A; same algorithm in HJ/T 212-2005, digest §9.2, §9.5).
 *
 * <p>It is <b>not</b> CRC-16/MODBUS: per byte, only the high byte of the register is kept
 * ({@code reg = (reg >> 8) ^ b}) before the 8 shift/xor rounds with the reflected polynomial 0xA001.
 * Initial value 0xFFFF, no final xor, transmitted as 4 upper-case hex digits, high byte first.
 * The table-driven form is {@code reg = T[((reg >> 8) ^ b) & 0xFF]} with T the ordinary reflected
 * CRC-16/ARC byte table. Because only 8 bits of state carry over between bytes the checksum is weak:
 * distinct data segments often share a CRC (see {@link #crc16(byte[], int, int)}).
 */
public final class Hj212Crc {

    /** Reflected CRC-16 (poly 0xA001) byte table, HJ 212-2017 Annex A (table-driven equivalent). */
    private static final char[] TABLE = new char[256];

    static {
        for (int i = 0; i < 256; i++) {
            int r = i;
            for (int k = 0; k < 8; k++) {
                r = (r & 1) != 0 ? (r >>> 1) ^ 0xA001 : r >>> 1;
            }
            TABLE[i] = (char) r;
        }
    }

    /**
     * Slicing-by-8 tables for the 8-bit carried state. With {@code h} the high byte of the register,
     * {@code h' = H(h ^ b)} where {@code H(x) = T[x] >> 8}; H is linear over GF(2) (T is a CRC table) and a
     * permutation, so {@code h8 = H^8(h ^ b0) ^ H^7(b1) ^ ... ^ H^1(b7)}: one dependent lookup per 8 bytes instead
     * of 8. {@code SLICE[k*256 + x] = H^(8-k)(x)}.
     */
    private static final int[] SLICE = new int[8 * 256];

    static {
        for (int x = 0; x < 256; x++) {
            int v = x;
            for (int k = 7; k >= 0; k--) {
                v = TABLE[v] >>> 8; // H applied (8 - k) times
                SLICE[k * 256 + x] = v;
            }
        }
    }

    private static final byte[] HEX = "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private Hj212Crc() {
    }

    /**
     * CRC16 of {@code len} bytes of {@code b} from {@code off} (HJ 212-2017 Annex A). Callers pass exactly
     * the data segment (the {@code LLLL} bytes after {@code ##LLLL}).
     *
     * @return the register value, 0..0xFFFF
     */
    public static int crc16(byte[] b, int off, int len) {
        if (len <= 0) {
            return 0xFFFF;
        }
        final int[] s = SLICE;
        int h = 0xFF; // high byte of the initial register 0xFFFF
        int i = off;
        final int last = off + len - 1; // the last byte needs the full 16-bit T entry
        for (; i + 8 <= last; i += 8) {
            h = s[(h ^ b[i]) & 0xFF] ^ s[256 + (b[i + 1] & 0xFF)] ^ s[512 + (b[i + 2] & 0xFF)]
                ^ s[768 + (b[i + 3] & 0xFF)] ^ s[1024 + (b[i + 4] & 0xFF)] ^ s[1280 + (b[i + 5] & 0xFF)]
                ^ s[1536 + (b[i + 6] & 0xFF)] ^ s[1792 + (b[i + 7] & 0xFF)];
        }
        final char[] t = TABLE;
        for (; i < last; i++) {
            h = t[(h ^ b[i]) & 0xFF] >>> 8;
        }
        return t[(h ^ b[last]) & 0xFF];
    }

    /** Plain byte-at-a-time table-driven form, {@code reg = T[((reg >> 8) ^ b) & 0xFF]} (for tests). */
    static int crc16Bytewise(byte[] b, int off, int len) {
        int reg = 0xFFFF;
        for (int i = off, end = off + len; i < end; i++) {
            reg = TABLE[((reg >>> 8) ^ b[i]) & 0xFF];
        }
        return reg;
    }

    /** Convenience overload over a whole array. */
    public static int crc16(byte[] b) {
        return crc16(b, 0, b.length);
    }

    /** Bit-by-bit reference implementation, literally as written in HJ 212-2017 Annex A (used by tests). */
    static int crc16Reference(byte[] b, int off, int len) {
        int reg = 0xFFFF;
        for (int i = off; i < off + len; i++) {
            reg = (reg >>> 8) ^ (b[i] & 0xFF);
            for (int k = 0; k < 8; k++) {
                int lsb = reg & 1;
                reg >>>= 1;
                if (lsb != 0) {
                    reg ^= 0xA001;
                }
            }
        }
        return reg;
    }

    /** Formats a CRC as emitted on the wire: 4 upper-case hex digits, high byte first ({@code %04X}). */
    public static String format(int crc) {
        return new String(new char[] {
            (char) HEX[(crc >>> 12) & 0xF], (char) HEX[(crc >>> 8) & 0xF], (char) HEX[(crc >>> 4) & 0xF], (char) HEX[crc & 0xF]});
    }

    /** Writes the 4 upper-case hex digits of {@code crc} into {@code dst} at {@code off}. */
    static void write(int crc, byte[] dst, int off) {
        dst[off] = HEX[(crc >>> 12) & 0xF];
        dst[off + 1] = HEX[(crc >>> 8) & 0xF];
        dst[off + 2] = HEX[(crc >>> 4) & 0xF];
        dst[off + 3] = HEX[crc & 0xF];
    }

    /**
     * Parses 4 hex characters (either case: some devices send lower case, digest §9.2) at {@code off}.
     *
     * @return 0..0xFFFF, or -1 if any of the 4 bytes is not a hex digit
     */
    public static int parseHex4(byte[] b, int off) {
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int d = hexValue(b[off + i]);
            if (d < 0) {
                return -1;
            }
            v = (v << 4) | d;
        }
        return v;
    }

    static int hexValue(byte c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return -1;
    }

    /** True if {@code crcText} (4 hex chars, any case) equals the CRC of the data. */
    public static boolean matches(byte[] data, int off, int len, String crcText) {
        if (crcText == null || crcText.length() != 4) {
            return false;
        }
        return crcText.equalsIgnoreCase(format(crc16(data, off, len)));
    }
}
