package org.envmon.ingest.journal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.envmon.ingest.log.IngestMessage;
import org.envmon.ingest.log.Reading;
import org.envmon.model.Interval;
import org.envmon.model.QcFlag;
import org.envmon.model.Statistic;

/**
 * The payload of one journal record: an {@link IngestMessage} in a versioned binary form (the framing around it is
 * described in {@link SegmentFile}). Payload version 1:
 *
 * <pre>
 * u8   payload version (1)
 * raw packet:  bytes(i32 length + bytes) peer source mn cn qn dedupKey (each a string) receivedAt(i64 s, i32 ns)
 *              crcOk(u8)
 * i32  row count, then per row: siteCode parameter interval statistic (strings; enums by name)
 *              time(i64 s, i32 ns) value(f64 bits) flag(string) valid(u8) qc(string)
 * string = i32 byte length (-1 = null) + UTF-8 bytes
 * </pre>
 * Payload version 2 (written only for a packet carrying retroactive QC flags) appends
 * <pre>
 * i32  flag count, then per flag: siteCode parameter interval (strings) from(i64 s, i32 ns) to(i64 s, i32 ns)
 *              code(string) runLength(i32) runValue(f64 bits)
 * </pre>
 *
 * Enums are written by name, so reordering them never changes what a stored record means.
 */
final class RecordCodec {
    static final byte PAYLOAD_VERSION = 1;
    static final byte PAYLOAD_VERSION_QC_FLAGS = 2;

    private RecordCodec() {
    }

    static byte[] encode(IngestMessage w) {
        Out out = new Out(256 + w.frame().length + 64 * w.readings().size());
        out.u8(w.qcFlags().isEmpty() ? PAYLOAD_VERSION : PAYLOAD_VERSION_QC_FLAGS);
        out.bytes(w.frame());
        out.str(w.peer());
        out.str(w.source());
        out.str(w.mn());
        out.str(w.cn());
        out.str(w.qn());
        out.str(w.dedupKey());
        out.instant(w.receivedAt());
        out.u8(w.crcOk() ? 1 : 0);
        out.i32(w.readings().size());
        for (Reading r : w.readings()) {
            out.str(r.siteCode());
            out.str(r.parameter());
            out.str(r.interval() == null ? null : r.interval().name());
            out.str(r.statistic() == null ? null : r.statistic().name());
            out.instant(r.time());
            out.i64(Double.doubleToRawLongBits(r.value()));
            out.str(r.flag());
            out.u8(r.valid() ? 1 : 0);
            out.str(r.qc());
        }
        if (!w.qcFlags().isEmpty()) {
            out.i32(w.qcFlags().size());
            for (QcFlag f : w.qcFlags()) {
                out.str(f.siteCode());
                out.str(f.parameter());
                out.str(f.interval().name());
                out.instant(f.from());
                out.instant(f.to());
                out.str(f.code());
                out.i32(f.runLength());
                out.i64(Double.doubleToRawLongBits(f.runValue()));
            }
        }
        return out.toArray();
    }

    /**
     * @param dedupKeyIfNull dedup key given to a packet that has none (see {@link JournalLog}); null keeps it null
     * @throws IllegalArgumentException when the payload is not a version this code reads, or is malformed
     */
    static IngestMessage decode(ByteBuffer in, String dedupKeyIfNull) {
        try {
            int version = in.get() & 0xff;
            if (version != PAYLOAD_VERSION && version != PAYLOAD_VERSION_QC_FLAGS) {
                throw new IllegalArgumentException("journal payload version " + version + " is not supported");
            }
            byte[] bytes = bytes(in);
            String peer = str(in);
            String source = str(in);
            String mn = str(in);
            String cn = str(in);
            String qn = str(in);
            String dedupKey = str(in);
            Instant receivedAt = instant(in);
            boolean crcOk = in.get() != 0;
            int n = in.getInt();
            if (n < 0 || n > in.remaining()) {
                throw new IllegalArgumentException("bad row count " + n);
            }
            List<Reading> rows = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                String site = str(in);
                String parameter = str(in);
                String interval = str(in);
                String statistic = str(in);
                Instant time = instant(in);
                double value = Double.longBitsToDouble(in.getLong());
                String flag = str(in);
                boolean valid = in.get() != 0;
                String qc = str(in);
                rows.add(new Reading(site, parameter, interval == null ? null : Interval.valueOf(interval),
                        statistic == null ? null : Statistic.valueOf(statistic), time, value, flag, valid, qc));
            }
            List<QcFlag> flags = List.of();
            if (version == PAYLOAD_VERSION_QC_FLAGS) {
                int k = in.getInt();
                if (k < 0 || k > in.remaining()) {
                    throw new IllegalArgumentException("bad QC flag count " + k);
                }
                flags = new ArrayList<>(k);
                for (int i = 0; i < k; i++) {
                    String site = str(in);
                    String parameter = str(in);
                    Interval interval = Interval.valueOf(str(in));
                    Instant from = instant(in);
                    Instant to = instant(in);
                    String code = str(in);
                    int length = in.getInt();
                    double value = Double.longBitsToDouble(in.getLong());
                    flags.add(QcFlag.of(site, parameter, interval, from, to, code, length, value));
                }
            }
            if (in.hasRemaining()) {
                throw new IllegalArgumentException(in.remaining() + " trailing bytes after the packet");
            }
            return new IngestMessage(mn, cn, qn, dedupKey == null ? dedupKeyIfNull : dedupKey, source, peer,
                    receivedAt, bytes, crcOk, rows, flags);
        } catch (java.nio.BufferUnderflowException e) {
            throw new IllegalArgumentException("journal payload ends early", e);
        } catch (NullPointerException e) {
            throw new IllegalArgumentException("journal payload has a QC flag with a missing field", e);
        }
    }

    private static byte[] bytes(ByteBuffer in) {
        int len = in.getInt();
        if (len < 0 || len > in.remaining()) {
            throw new IllegalArgumentException("bad byte length " + len);
        }
        byte[] b = new byte[len];
        in.get(b);
        return b;
    }

    private static String str(ByteBuffer in) {
        int len = in.getInt();
        if (len == -1) {
            return null;
        }
        if (len < 0 || len > in.remaining()) {
            throw new IllegalArgumentException("bad string length " + len);
        }
        String s = new String(in.array(), in.arrayOffset() + in.position(), len, StandardCharsets.UTF_8);
        in.position(in.position() + len);
        return s;
    }

    private static Instant instant(ByteBuffer in) {
        long seconds = in.getLong();
        int nanos = in.getInt();
        if (seconds == Long.MIN_VALUE) {
            return null;
        }
        return Instant.ofEpochSecond(seconds, nanos);
    }

    /** A growable big-endian byte writer. */
    private static final class Out {
        private byte[] buf;
        private int len;

        Out(int initial) {
            buf = new byte[initial];
        }

        private void ensure(int n) {
            if (len + n > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
            }
        }

        void u8(int v) {
            ensure(1);
            buf[len++] = (byte) v;
        }

        void i32(int v) {
            ensure(4);
            buf[len++] = (byte) (v >>> 24);
            buf[len++] = (byte) (v >>> 16);
            buf[len++] = (byte) (v >>> 8);
            buf[len++] = (byte) v;
        }

        void i64(long v) {
            i32((int) (v >>> 32));
            i32((int) v);
        }

        void bytes(byte[] b) {
            i32(b.length);
            ensure(b.length);
            System.arraycopy(b, 0, buf, len, b.length);
            len += b.length;
        }

        void str(String s) {
            if (s == null) {
                i32(-1);
                return;
            }
            bytes(s.getBytes(StandardCharsets.UTF_8));
        }

        void instant(Instant t) {
            if (t == null) {
                i64(Long.MIN_VALUE);
                i32(0);
                return;
            }
            i64(t.getEpochSecond());
            i32(t.getNano());
        }

        byte[] toArray() {
            return Arrays.copyOf(buf, len);
        }
    }
}
