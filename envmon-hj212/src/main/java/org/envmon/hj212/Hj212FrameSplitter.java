package org.envmon.hj212;

/**
 * Streaming splitter for an HJ 212 TCP byte stream (HJ 212-2017 §6.3.1: {@code ##} + 4-digit length + data segment
 * + 4 hex CRC + CRLF). One instance per connection; not thread-safe. Memory is bounded: it never buffers more than
 * {@code maxDataLength + 10} bytes ({@link #bufferedBytes()}), whatever the input.
 *
 * <p><b>CRLF decision.</b> The standard requires the CRLF tail, but real devices vary (some omit it, some send a lone
 * LF). The splitter therefore <em>tolerates a missing CRLF</em>: a frame is emitted as soon as its 4 CRC characters
 * have arrived (so a device that omits the tail is not delayed until its next frame), and CR/LF bytes between frames
 * are skipped silently. Frames are delivered without CRLF.
 *
 * <p>Resynchronisation rules (each discarded run is reported once through {@link FrameSink#rejected}):
 * <ul>
 * <li>bytes before a {@code ##} that are not CR/LF: {@link RejectReason#GARBAGE}, one report per run, made when the
 * next header is seen (its first length byte) or at {@link #endOfStream}, or as soon as the bytes skipped since the
 * last header (CR/LF included) reach {@code maxGarbageRun}, so a stream that never sends {@code ##} is still reported
 * (one report per {@code maxGarbageRun} bytes); reports do not depend on how the stream was chunked;</li>
 * <li>a non-digit in the length field: {@code BAD_LENGTH_FIELD} (the offending byte is rescanned, so a {@code ##}
 * there starts a new frame); a third {@code #} right after {@code ##} counts the first {@code #} as garbage;</li>
 * <li>declared length above {@code maxDataLength}: {@code OVERSIZE}, reported at once without buffering the body;
 * the rest of that frame is then skipped as garbage up to the next {@code ##};</li>
 * <li>a CR, LF or a new {@code ##} before the declared length is reached (truncated frame, or a length field that
 * is too long): {@code TRUNCATED}; the new {@code ##} starts the next frame. Consequently a data segment can never
 * contain {@code ##}, CR or LF (the standard's character set for data segments does not need them);</li>
 * <li>the 4 bytes where the CRC should be are not hex (length field too short): {@code LENGTH_MISMATCH}, then resync
 * to the next {@code ##}.</li>
 * </ul>
 * The splitter does not verify the CRC; {@link Hj212Decoder} does.
 */
public final class Hj212FrameSplitter {

    /** Default limit: the largest value of the 4-digit length field. */
    public static final int DEFAULT_MAX_DATA_LENGTH = 9999;

    private static final int SEEK = 0;
    private static final int LENGTH = 1;
    private static final int BODY = 2;

    private final int maxDataLength;
    private final int maxGarbageRun;
    /** Grows on demand up to maxDataLength + 10, so that idle connections cost little memory. */
    private byte[] buf;
    private int bufLen;
    private int state = SEEK;
    private boolean pendingHash;
    private int garbage;
    /** Bytes skipped in SEEK since the last header or report, CR/LF included. */
    private int skipped;
    private int declared;
    /** A frame was emitted in the current call (for {@link #feedToFrame}). */
    private boolean frameEnded;

    public Hj212FrameSplitter() {
        this(DEFAULT_MAX_DATA_LENGTH);
    }

    /** @param maxDataLength the largest accepted declared data length, 0..9999 (e.g. 4096 on the gateway) */
    public Hj212FrameSplitter(int maxDataLength) {
        this(maxDataLength, Integer.MAX_VALUE);
    }

    /**
     * @param maxDataLength the largest accepted declared data length, 0..9999
     * @param maxGarbageRun bytes skipped outside frames (CR/LF included) after which a {@code GARBAGE} run is reported
     *                      without waiting for the next header; at least 1
     */
    public Hj212FrameSplitter(int maxDataLength, int maxGarbageRun) {
        if (maxDataLength < 0 || maxDataLength > DEFAULT_MAX_DATA_LENGTH) {
            throw new IllegalArgumentException("maxDataLength must be 0..9999: " + maxDataLength);
        }
        if (maxGarbageRun < 1) {
            throw new IllegalArgumentException("maxGarbageRun must be positive: " + maxGarbageRun);
        }
        this.maxDataLength = maxDataLength;
        this.maxGarbageRun = maxGarbageRun;
        this.buf = new byte[Math.min(maxDataLength + 10, 128)];
    }

    public int maxDataLength() {
        return maxDataLength;
    }

    /** Bytes currently held for an incomplete frame (never more than {@code maxDataLength + 10}). */
    public int bufferedBytes() {
        return bufLen;
    }

    /** Feeds bytes read from the connection; calls the sink for every complete frame and every discarded run. */
    public void feed(byte[] in, int off, int len, FrameSink sink) {
        run(in, off, len, sink, false);
    }

    /**
     * Like {@link #feed}, but returns right after the first complete frame, so that the caller can act on it (and,
     * say, stop reading a connection it closes) before the splitter reports what follows it.
     *
     * @return the bytes consumed: all of {@code len} unless a frame ended before them
     */
    public int feedToFrame(byte[] in, int off, int len, FrameSink sink) {
        return run(in, off, len, sink, true) - off;
    }

    private int run(byte[] in, int off, int len, FrameSink sink, boolean stopAtFrame) {
        int i = off;
        final int end = off + len;
        frameEnded = false;
        while (i < end && !(stopAtFrame && frameEnded)) {
            switch (state) {
                case SEEK:
                    i = seek(in, i, end, sink);
                    break;
                case LENGTH:
                    i = length(in, i, sink);
                    break;
                default:
                    i = body(in, i, end, sink);
                    break;
            }
        }
        return i;
    }

    /** Signals the end of the connection: reports an incomplete frame (TRUNCATED) or pending garbage, and resets. */
    public void endOfStream(FrameSink sink) {
        if (pendingHash) {
            garbage++;
            pendingHash = false;
        }
        if (state != SEEK) {
            sink.rejected(RejectReason.TRUNCATED, bufLen);
        }
        flushGarbage(sink);
        bufLen = 0;
        state = SEEK;
    }

    private void flushGarbage(FrameSink sink) {
        skipped = 0;
        if (garbage > 0) {
            int g = garbage;
            garbage = 0;
            sink.rejected(RejectReason.GARBAGE, g);
        }
    }

    /** A run that reached {@code maxGarbageRun} bytes without a header: reported now, CR/LF included. */
    private void flushLongRun(FrameSink sink) {
        int n = skipped;
        skipped = 0;
        garbage = 0;
        sink.rejected(RejectReason.GARBAGE, n);
    }

    private int seek(byte[] in, int i, int end, FrameSink sink) {
        while (i < end) {
            byte c = in[i++];
            if (c == '#') {
                if (pendingHash) {
                    pendingHash = false;
                    buf[0] = '#';
                    buf[1] = '#';
                    bufLen = 2;
                    state = LENGTH;
                    return i;
                }
                pendingHash = true;
                continue;
            }
            if (pendingHash) {
                pendingHash = false;
                garbage++;
                skipped++;
            }
            if (c != '\r' && c != '\n') {
                garbage++;
            }
            if (++skipped >= maxGarbageRun) {
                flushLongRun(sink);
                return i;
            }
        }
        return i;
    }

    private int length(byte[] in, int i, FrameSink sink) {
        byte c = in[i];
        if (c >= '0' && c <= '9') {
            if (bufLen == 2) {
                flushGarbage(sink); // the garbage run before this header ends here
            }
            buf[bufLen++] = c;
            i++;
            if (bufLen == 6) {
                declared = (buf[2] - '0') * 1000 + (buf[3] - '0') * 100 + (buf[4] - '0') * 10 + (buf[5] - '0');
                if (declared > maxDataLength) {
                    // HJ 212-2017 §6.3.1 length: refuse before buffering anything of the body
                    bufLen = 0;
                    state = SEEK;
                    sink.rejected(RejectReason.OVERSIZE, 6);
                } else {
                    state = BODY;
                }
            }
            return i;
        }
        if (c == '#' && bufLen == 2) {
            garbage++; // "###": the first '#' was garbage, keep "##" as the header
            return i + 1;
        }
        int n = bufLen;
        bufLen = 0;
        state = SEEK;
        flushGarbage(sink);
        sink.rejected(RejectReason.BAD_LENGTH_FIELD, n);
        return i; // rescan the offending byte in SEEK
    }

    private int body(byte[] in, int i, int end, FrameSink sink) {
        final int need = 6 + declared + 4;
        int run = i;
        byte prev = bufLen > 0 ? buf[bufLen - 1] : 0;
        int stop = Math.min(end, i + (need - bufLen));
        while (run < stop) {
            byte c = in[run];
            if (c == '\r' || c == '\n' || (c == '#' && prev == '#')) {
                break;
            }
            prev = c;
            run++;
        }
        int n = run - i;
        if (buf.length < bufLen + n) {
            buf = java.util.Arrays.copyOf(buf, Math.min(need, Math.max(bufLen + n, buf.length * 2)));
        }
        System.arraycopy(in, i, buf, bufLen, n);
        bufLen += n;
        if (run < stop) {
            byte c = in[run];
            if (c == '#') {
                // a new "##" inside the body: the current frame is truncated, the new one starts here
                int discarded = bufLen - 1;
                sink.rejected(RejectReason.TRUNCATED, discarded);
                buf[0] = '#';
                buf[1] = '#';
                bufLen = 2;
                state = LENGTH;
                return run + 1;
            }
            int discarded = bufLen;
            bufLen = 0;
            state = SEEK;
            sink.rejected(RejectReason.TRUNCATED, discarded);
            return run; // CR/LF rescanned (skipped) in SEEK
        }
        if (bufLen == need) {
            int crcAt = 6 + declared;
            if (Hj212Crc.parseHex4(buf, crcAt) >= 0) {
                byte[] frame = java.util.Arrays.copyOf(buf, bufLen);
                bufLen = 0;
                state = SEEK;
                frameEnded = true;
                sink.frame(frame);
            } else {
                boolean hashTail = buf[bufLen - 1] == '#';
                int discarded = hashTail ? bufLen - 1 : bufLen;
                bufLen = 0;
                state = SEEK;
                pendingHash = hashTail;
                sink.rejected(RejectReason.LENGTH_MISMATCH, discarded);
            }
        }
        return run;
    }
}
