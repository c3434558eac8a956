package org.envmon.store.jdbc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * The canonical serialization and hashing of chained records (documented in {@code envmon-store/CHAIN.md}).
 * Not thread-safe: one instance per writer or verifier.
 *
 * <p>Primitives, big-endian: {@code str} = int32 length of the UTF-8 bytes (-1 for null) then the bytes;
 * {@code i64}, {@code i32}; {@code bool} = one byte 0/1; {@code ts} = i64 microseconds since the epoch (UTC);
 * {@code f64} = i64 {@link Double#doubleToLongBits} (one NaN).
 */
public final class ChainCodec {
    public static final int HASH_BYTES = 32;
    public static final byte[] GENESIS = new byte[HASH_BYTES];
    static final String PACKET_TAG = "envmon/packet/v1";
    static final String OBSERVATION_TAG = "envmon/observation/v1";
    static final String REVIEW_TAG = "envmon/review/v1";
    static final String QC_FLAG_TAG = "envmon/qc-flag/v1";
    static final String AUDIT_TAG = "envmon/audit/v1";
    static final String RECORD_TAG = "envmon/record/v1";

    private final MessageDigest sha;
    private byte[] buf = new byte[1024];
    private int len;
    private byte[][] rows = new byte[16][];

    public ChainCodec() {
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    // ------------------------------------------------------------------ encoding

    public ChainCodec reset() {
        len = 0;
        return this;
    }

    private void ensure(int n) {
        if (len + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
        }
    }

    public ChainCodec i32(int v) {
        ensure(4);
        buf[len++] = (byte) (v >>> 24);
        buf[len++] = (byte) (v >>> 16);
        buf[len++] = (byte) (v >>> 8);
        buf[len++] = (byte) v;
        return this;
    }

    public ChainCodec i64(long v) {
        ensure(8);
        for (int s = 56; s >= 0; s -= 8) {
            buf[len++] = (byte) (v >>> s);
        }
        return this;
    }

    public ChainCodec bool(boolean v) {
        ensure(1);
        buf[len++] = (byte) (v ? 1 : 0);
        return this;
    }

    public ChainCodec f64(double v) {
        return i64(Double.doubleToLongBits(v));
    }

    /** Nullable timestamp as epoch microseconds; null is encoded as {@link Long#MIN_VALUE}. */
    public ChainCodec ts(long epochMicros) {
        return i64(epochMicros);
    }

    public ChainCodec str(String s) {
        if (s == null) {
            return i32(-1);
        }
        // ASCII fast path (codes, MNs, timestamps); anything else through the encoder
        int n = s.length();
        boolean ascii = true;
        for (int k = 0; k < n; k++) {
            if (s.charAt(k) >= 0x80) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            i32(n);
            ensure(n);
            for (int k = 0; k < n; k++) {
                buf[len++] = (byte) s.charAt(k);
            }
            return this;
        }
        return raw(s.getBytes(StandardCharsets.UTF_8), true);
    }

    public ChainCodec raw(byte[] b, boolean withLength) {
        if (withLength) {
            i32(b.length);
        }
        ensure(b.length);
        System.arraycopy(b, 0, buf, len, b.length);
        len += b.length;
        return this;
    }

    /**
     * A {@code str} from packed UTF-8: {@code len} bytes of {@code packed} at {@code off}, or null when
     * {@code len < 0}. Returns the offset after it.
     */
    public int packed(byte[] packed, int off, int len) {
        if (len < 0) {
            i32(-1);
            return off;
        }
        i32(len);
        ensure(len);
        System.arraycopy(packed, off, buf, this.len, len);
        this.len += len;
        return off + len;
    }

    /** The bytes encoded since {@link #reset()}. */
    public byte[] bytes() {
        return Arrays.copyOf(buf, len);
    }

    /** SHA-256 of the bytes encoded since {@link #reset()}. */
    public byte[] digest() {
        sha.update(buf, 0, len);
        return sha.digest();
    }

    public byte[] sha256(byte[] data) {
        return sha.digest(data);
    }

    // ------------------------------------------------------------------ records

    /** digest_fields of a packet: every raw_packets column except the bytes. */
    public byte[] packetFields(long id, long receivedAtMicros, String peer, String source, String mn, String cn,
            String qn, String dedupKey, boolean crcOk) {
        return reset().str(PACKET_TAG).i64(id).ts(receivedAtMicros).str(peer).str(source).str(mn).str(cn).str(qn)
                .str(dedupKey).bool(crcOk).digest();
    }

    /** The canonical encoding of one observation row (every column). */
    public byte[] observation(String siteCode, String parameter, String interval, String statistic, long timeMicros,
            double value, String flag, long receivedAtMicros, long packetId, boolean valid, String qc) {
        return reset().str(OBSERVATION_TAG).str(siteCode).str(parameter).str(interval).str(statistic).ts(timeMicros)
                .f64(value).str(flag).ts(receivedAtMicros).i64(packetId).bool(valid).str(qc).bytes();
    }

    /**
     * {@link #observation} from a row read with its six text columns (site_code, parameter, interval, statistic,
     * flag, qc) packed as concatenated UTF-8 with their byte lengths (-1 = null); same result.
     */
    public byte[] observationPacked(byte[] texts, int[] lengths, long timeMicros, double value, long receivedAtMicros,
            long packetId, boolean valid) {
        reset().str(OBSERVATION_TAG);
        int off = 0;
        for (int k = 0; k < 4; k++) {
            off = packed(texts, off, lengths[k]);
        }
        ts(timeMicros).f64(value);
        off = packed(texts, off, lengths[4]);
        ts(receivedAtMicros).i64(packetId).bool(valid);
        packed(texts, off, lengths[5]);
        return bytes();
    }

    /** {@link #packetFields} from packed text columns (peer, source, mn, cn, qn, dedup_key); same result. */
    public byte[] packetFieldsPacked(long id, long receivedAtMicros, byte[] texts, int[] lengths, boolean crcOk) {
        reset().str(PACKET_TAG).i64(id).ts(receivedAtMicros);
        int off = 0;
        for (int k = 0; k < 6; k++) {
            off = packed(texts, off, lengths[k]);
        }
        return bool(crcOk).digest();
    }

    /** Collects the encodings of one packet's observations for {@link #rowsDigest()}. */
    public final class Rows {
        private int count;

        public void add(byte[] encoded) {
            if (count == rows.length) {
                rows = Arrays.copyOf(rows, count * 2);
            }
            rows[count++] = encoded;
        }

        public int count() {
            return count;
        }

        /** SHA-256 over the encodings sorted in unsigned lexicographic byte order (so row order never matters). */
        public byte[] digest() {
            if (count > 1) {
                Arrays.sort(rows, 0, count, Arrays::compareUnsigned);
            }
            for (int k = 0; k < count; k++) {
                sha.update(rows[k]);
                rows[k] = null;
            }
            count = 0;
            return sha.digest();
        }
    }

    public Rows rows() {
        return new Rows();
    }

    /** digest_fields of a review: every reviews column. */
    public byte[] reviewFields(long id, String siteCode, String parameter, String interval, long fromMicros,
            long toMicros, String decision, String reason, String operator, String principal, long decidedAtMicros) {
        return reset().str(REVIEW_TAG).i64(id).str(siteCode).str(parameter).str(interval).ts(fromMicros).ts(toMicros)
                .str(decision).str(reason).str(operator).str(principal).ts(decidedAtMicros).digest();
    }

    /** digest_fields of a retroactive QC flag: every qc_flags column. */
    public byte[] qcFlagFields(long id, String siteCode, String parameter, String interval, long fromMicros,
            long toMicros, String code, int runLength, double runValue, long packetId, long flaggedAtMicros) {
        return reset().str(QC_FLAG_TAG).i64(id).str(siteCode).str(parameter).str(interval).ts(fromMicros)
                .ts(toMicros).str(code).i32(runLength).f64(runValue).i64(packetId).ts(flaggedAtMicros).digest();
    }

    /** digest_fields of an audit record: every audit_log column. */
    public byte[] auditFields(long id, long recordedAtMicros, String actor, String action, String target,
            String origin, String outcome) {
        return reset().str(AUDIT_TAG).i64(id).ts(recordedAtMicros).str(actor).str(action).str(target).str(origin)
                .str(outcome).digest();
    }

    /**
     * record_hash = SHA-256(str RECORD_TAG, str kind, i64 ref id, i32 row count, fields digest, bytes digest or 32
     * zero bytes, rows digest or 32 zero bytes).
     */
    public byte[] recordHash(String kind, long refId, int rowCount, byte[] fields, byte[] bytesDigest,
            byte[] rowsDigest) {
        return reset().str(RECORD_TAG).str(kind).i64(refId).i32(rowCount).raw(fields, false)
                .raw(bytesDigest == null ? GENESIS : bytesDigest, false)
                .raw(rowsDigest == null ? GENESIS : rowsDigest, false).digest();
    }

    /** chain_hash = SHA-256(prev chain hash || record hash). */
    public byte[] chainHash(byte[] prev, byte[] record) {
        sha.update(prev);
        sha.update(record);
        return sha.digest();
    }

    /** Merkle leaf = SHA-256(0x00 || chain hash). */
    public byte[] leaf(byte[] chainHash) {
        sha.update((byte) 0);
        sha.update(chainHash);
        return sha.digest();
    }

    /** Merkle node = SHA-256(0x01 || left || right). */
    public byte[] node(byte[] left, byte[] right) {
        sha.update((byte) 1);
        sha.update(left);
        sha.update(right);
        return sha.digest();
    }
}
