package org.envmon.hj212;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reassembles split packets (Flag D bit, PNUM/PNO; HJ 212-2017 §6.3.2, §6.4) keyed by (MN, QN) — by (MN, CN) for
 * 2005 packets without QN. One instance can serve every connection (thread-safe); each part carries an attachment
 * (e.g. the connection to answer it on).
 *
 * <p>Memory is bounded by what was received, never by the declared PNUM: an incomplete packet holds only the frames
 * of its parts ({@link #pendingBytes()} counts their bytes plus a fixed overhead per packet and per part). Beyond
 * {@code maxPendingBytes} the oldest incomplete packets are evicted; a packet older than {@code maxAgeMillis} expires.
 * Both are counted ({@link #evicted()}, {@link #expired()}, {@link #droppedParts()}).
 *
 * <p>The joined packet has the header of sub-packet 1, Flag with D cleared, no PNUM/PNO, and the CPs of all parts
 * in PNO order joined by {@code ;} (each part's DataTime opens a new group, see {@link PollutantData#dataTime()}).
 *
 * @param <A> what the caller attaches to each part
 */
public final class SubPacketAssembler<A> {

    /** Bytes charged per incomplete packet besides its key (objects, map entry) and per part besides its frame. */
    static final int PACKET_OVERHEAD = 160;
    static final int PART_OVERHEAD = 48;

    /** One received part: its frame as received, its decoded packet (on completion) and the caller's attachment. */
    public record Part<A>(int pno, byte[] frame, Hj212Packet packet, A attachment) {
    }

    /**
     * Result of {@link #offer}.
     *
     * @param packet the complete (joined or unsplit) packet, or null
     * @param parts  the parts of a complete split packet in PNO order (each with its decoded packet); empty otherwise
     */
    public record Outcome<A>(Status status, Hj212Packet packet, List<Part<A>> parts, String detail) {
        public enum Status { COMPLETE, PENDING, REJECTED }

        /** {@link RejectReason#BAD_SUBPACKET} when rejected, else null. */
        public RejectReason reason() {
            return status == Status.REJECTED ? RejectReason.BAD_SUBPACKET : null;
        }

        @Override
        public String toString() {
            return status + (detail != null ? ": " + detail : "");
        }
    }

    /** An incomplete packet: the parts received so far, in arrival order; sized by them, not by PNUM. */
    private static final class Pending {
        final String key;
        final long firstSeen;
        final int pnum;
        final String cn;
        final String st;
        int[] pnos = new int[2];
        byte[][] frames = new byte[2][];
        Object[] attachments = new Object[2];
        int received;
        long bytes;

        Pending(String key, long firstSeen, Hj212Packet first) {
            this.key = key;
            this.firstSeen = firstSeen;
            this.pnum = first.pnum();
            this.cn = first.cn();
            this.st = first.st();
            this.bytes = PACKET_OVERHEAD + 2L * key.length();
        }

        boolean has(int pno) {
            for (int i = 0; i < received; i++) {
                if (pnos[i] == pno) {
                    return true;
                }
            }
            return false;
        }

        long add(int pno, byte[] frame, Object attachment) {
            if (received == pnos.length) {
                int n = Math.min(pnum, received * 2);
                pnos = Arrays.copyOf(pnos, n);
                frames = Arrays.copyOf(frames, n);
                attachments = Arrays.copyOf(attachments, n);
            }
            pnos[received] = pno;
            frames[received] = frame;
            attachments[received] = attachment;
            received++;
            long b = PART_OVERHEAD + frame.length;
            bytes += b;
            return b;
        }
    }

    private final long maxPendingBytes;
    private final long maxAgeMillis;
    private final Hj212Decoder decoder = new Hj212Decoder();
    /** Insertion order = age order. */
    private final LinkedHashMap<String, Pending> pending = new LinkedHashMap<>();
    private long pendingBytes;
    private long evicted;
    private long expired;
    private long droppedParts;

    /**
     * @param maxPendingBytes bound on {@link #pendingBytes()} across all incomplete packets
     * @param maxAgeMillis    an incomplete packet is dropped this long after its first part arrived
     */
    public SubPacketAssembler(long maxPendingBytes, long maxAgeMillis) {
        if (maxPendingBytes < 1 || maxAgeMillis < 1) {
            throw new IllegalArgumentException("maxPendingBytes and maxAgeMillis must be positive");
        }
        this.maxPendingBytes = maxPendingBytes;
        this.maxAgeMillis = maxAgeMillis;
    }

    /** Offers a decoded packet without attachment; its frame is re-encoded from the data segment. */
    public Outcome<A> offer(Hj212Packet p, long nowMillis) {
        return offer(p, Hj212Encoder.frame(p.dataSegment()), null, nowMillis);
    }

    /**
     * Offers a decoded packet and the frame it came in; unsplit packets come straight back as COMPLETE. The frame is
     * held (not copied) until its packet completes or is dropped.
     */
    public Outcome<A> offer(Hj212Packet p, byte[] frame, A attachment, long nowMillis) {
        Objects.requireNonNull(p);
        Objects.requireNonNull(frame);
        if (!p.split()) {
            return new Outcome<>(Outcome.Status.COMPLETE, p, List.of(), null);
        }
        int pnum = p.pnum();
        int pno = p.pno();
        if (pno < 1 || pno > pnum) {
            return rejected("PNO " + pno + " out of range 1.." + pnum);
        }
        if (pnum == 1) {
            return complete(new int[] {pno}, new byte[][] {frame}, new Object[] {attachment}, 1);
        }
        String key = p.mn() + '\u0000' + (p.qn() != null ? p.qn() : "CN" + p.cn());
        Pending e;
        synchronized (this) {
            expire(nowMillis);
            e = pending.get(key);
            if (e == null) {
                e = new Pending(key, nowMillis, p);
                pending.put(key, e);
                pendingBytes += e.bytes;
            } else {
                if (e.pnum != pnum) {
                    return rejected("PNUM " + pnum + " differs from " + e.pnum + " of the pending packet");
                }
                if (!e.cn.equals(p.cn()) || !Objects.equals(e.st, p.st())) {
                    return rejected("ST/CN differ from the pending packet");
                }
                if (e.has(pno)) {
                    return rejected("duplicate PNO " + pno + " of " + pnum);
                }
            }
            pendingBytes += e.add(pno, frame, attachment);
            if (e.received < pnum) {
                evictBeyondBound(e);
                return new Outcome<>(Outcome.Status.PENDING, null, List.of(), null);
            }
            remove(e);
        }
        return complete(e.pnos, e.frames, e.attachments, e.received);
    }

    /** Decodes the parts again (outside the lock) and joins them in PNO order. */
    @SuppressWarnings("unchecked")
    private Outcome<A> complete(int[] pnos, byte[][] frames, Object[] attachments, int n) {
        List<Part<A>> parts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Hj212Result r = decoder.decode(frames[i]);
            if (!r.isAccepted()) {
                return rejected("part " + pnos[i] + " does not decode: " + r.detail());
            }
            parts.add(new Part<>(pnos[i], frames[i], r.packet(), (A) attachments[i]));
        }
        parts.sort((x, y) -> Integer.compare(x.pno(), y.pno()));
        Hj212Packet joined = join(parts);
        return joined == null ? rejected("joined packet does not decode")
            : new Outcome<>(Outcome.Status.COMPLETE, joined, List.copyOf(parts), null);
    }

    private Outcome<A> rejected(String detail) {
        return new Outcome<>(Outcome.Status.REJECTED, null, List.of(), detail);
    }

    private Hj212Packet join(List<Part<A>> parts) {
        Hj212Packet h = parts.get(0).packet();
        StringBuilder sb = new StringBuilder(512);
        if (h.qn() != null) {
            sb.append("QN=").append(h.qn()).append(';');
        }
        sb.append("ST=").append(h.st() == null ? "  " : h.st()).append(";CN=").append(h.cn()).append(";PW=").append(h.pw()).append(";MN=")
            .append(h.mn()).append(';');
        if (h.flag() != null) {
            sb.append("Flag=").append(h.flag() & ~Hj212Packet.FLAG_D).append(';');
        }
        sb.append("CP=&&");
        String sep = "";
        for (Part<A> part : parts) {
            String d = part.packet().dataSegment();
            int cp = d.indexOf("CP=&&");
            String body = d.substring(cp + 5, d.length() - 2);
            if (!body.isEmpty()) {
                sb.append(sep).append(body);
                sep = ";";
            }
        }
        sb.append("&&");
        Hj212Result r = decoder.decodeDataSegment(sb.toString());
        return r.isAccepted() ? r.packet() : null;
    }

    /** Evicts the oldest incomplete packets until the bound holds; the newest one last, if it alone exceeds it. */
    private void evictBeyondBound(Pending newest) {
        Iterator<Map.Entry<String, Pending>> it = pending.entrySet().iterator();
        while (pendingBytes > maxPendingBytes && it.hasNext()) {
            Pending e = it.next().getValue();
            if (e == newest && it.hasNext()) {
                continue;
            }
            it.remove();
            drop(e);
            evicted++;
        }
    }

    /** Drops entries older than maxAge; returns how many were dropped. */
    public synchronized int expire(long nowMillis) {
        int n = 0;
        Iterator<Map.Entry<String, Pending>> it = pending.entrySet().iterator();
        while (it.hasNext()) {
            Pending e = it.next().getValue();
            if (nowMillis - e.firstSeen < maxAgeMillis) {
                break; // insertion order = age order
            }
            it.remove();
            drop(e);
            n++;
        }
        expired += n;
        return n;
    }

    private void remove(Pending e) {
        pending.remove(e.key);
        pendingBytes -= e.bytes;
    }

    private void drop(Pending e) {
        pendingBytes -= e.bytes;
        droppedParts += e.received;
    }

    /** Incomplete packets currently held. */
    public synchronized int pending() {
        return pending.size();
    }

    /** Bytes charged for the incomplete packets held: their frames plus a fixed overhead per packet and per part. */
    public synchronized long pendingBytes() {
        return pendingBytes;
    }

    /** Incomplete packets evicted so far because the pending bytes exceeded their bound. */
    public synchronized long evicted() {
        return evicted;
    }

    /** Incomplete packets dropped so far because they grew older than the maximum age. */
    public synchronized long expired() {
        return expired;
    }

    /** Parts held by evicted or expired packets (frames received but never stored nor answered). */
    public synchronized long droppedParts() {
        return droppedParts;
    }
}
