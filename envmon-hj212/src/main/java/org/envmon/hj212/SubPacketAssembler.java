package org.envmon.hj212;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Reassembles split packets (Flag D bit, PNUM/PNO; HJ 212-2017 §6.3.2, §6.4) keyed by (MN, QN) — by (MN, CN) for
 * 2005 packets without QN. Bounded: at most {@code maxPending} incomplete packets, each kept at most
 * {@code maxAgeMillis}; the oldest are evicted (counted by {@link #evicted()}). Thread-safe (synchronized).
 *
 * <p>The joined packet has the header of sub-packet 1, Flag with D cleared, no PNUM/PNO, and the CPs of all parts
 * in PNO order joined by {@code ;} (each part's DataTime opens a new group, see {@link PollutantData#dataTime()}).
 */
public final class SubPacketAssembler {

    /** Result of {@link #offer}. */
    public static final class Outcome {
        public enum Status { COMPLETE, PENDING, REJECTED }

        private final Status status;
        private final Hj212Packet packet;
        private final String detail;

        private Outcome(Status status, Hj212Packet packet, String detail) {
            this.status = status;
            this.packet = packet;
            this.detail = detail;
        }

        public Status status() {
            return status;
        }

        /** The complete (joined or unsplit) packet, or null. */
        public Hj212Packet packet() {
            return packet;
        }

        /** {@link RejectReason#BAD_SUBPACKET} when rejected, else null. */
        public RejectReason reason() {
            return status == Status.REJECTED ? RejectReason.BAD_SUBPACKET : null;
        }

        public String detail() {
            return detail;
        }

        @Override
        public String toString() {
            return status + (detail != null ? ": " + detail : "");
        }
    }

    private static final Outcome PENDING = new Outcome(Outcome.Status.PENDING, null, null);

    private static final class Pending {
        final long firstSeen;
        final Hj212Packet[] parts;
        int received;

        Pending(long firstSeen, int pnum) {
            this.firstSeen = firstSeen;
            this.parts = new Hj212Packet[pnum];
        }
    }

    private final int maxPending;
    private final long maxAgeMillis;
    private final Hj212Decoder decoder = new Hj212Decoder();
    private final LinkedHashMap<String, Pending> pending = new LinkedHashMap<>();
    private long evicted;

    public SubPacketAssembler(int maxPending, long maxAgeMillis) {
        if (maxPending < 1 || maxAgeMillis < 1) {
            throw new IllegalArgumentException("maxPending and maxAgeMillis must be positive");
        }
        this.maxPending = maxPending;
        this.maxAgeMillis = maxAgeMillis;
    }

    /** Offers a decoded packet; unsplit packets come straight back as COMPLETE. */
    public synchronized Outcome offer(Hj212Packet p, long nowMillis) {
        Objects.requireNonNull(p);
        expire(nowMillis);
        if (!p.split()) {
            return new Outcome(Outcome.Status.COMPLETE, p, null);
        }
        int pnum = p.pnum();
        int pno = p.pno();
        if (pno < 1 || pno > pnum) {
            return rejected("PNO " + pno + " out of range 1.." + pnum);
        }
        String key = p.mn() + '\u0000' + (p.qn() != null ? p.qn() : "CN" + p.cn());
        Pending e = pending.get(key);
        if (e == null) {
            if (pnum == 1) {
                return new Outcome(Outcome.Status.COMPLETE, join(new Hj212Packet[] {p}), null);
            }
            while (pending.size() >= maxPending) {
                evictEldest();
            }
            e = new Pending(nowMillis, pnum);
            pending.put(key, e);
        } else {
            if (e.parts.length != pnum) {
                return rejected("PNUM " + pnum + " differs from " + e.parts.length + " of the pending packet");
            }
            Hj212Packet first = firstPart(e);
            if (!first.cn().equals(p.cn()) || !Objects.equals(first.st(), p.st())) {
                return rejected("ST/CN differ from the pending packet");
            }
        }
        if (e.parts[pno - 1] != null) {
            return rejected("duplicate PNO " + pno + " of " + pnum);
        }
        e.parts[pno - 1] = p;
        e.received++;
        if (e.received < pnum) {
            return PENDING;
        }
        pending.remove(key);
        Hj212Packet joined = join(e.parts);
        return joined == null ? rejected("joined packet does not decode") : new Outcome(Outcome.Status.COMPLETE, joined, null);
    }

    private static Hj212Packet firstPart(Pending e) {
        for (Hj212Packet q : e.parts) {
            if (q != null) {
                return q;
            }
        }
        throw new IllegalStateException();
    }

    private static Outcome rejected(String detail) {
        return new Outcome(Outcome.Status.REJECTED, null, detail);
    }

    private Hj212Packet join(Hj212Packet[] parts) {
        Hj212Packet h = parts[0];
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
        for (Hj212Packet q : parts) {
            String d = q.dataSegment();
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
            n++;
        }
        evicted += n;
        return n;
    }

    private void evictEldest() {
        Iterator<Map.Entry<String, Pending>> it = pending.entrySet().iterator();
        it.next();
        it.remove();
        evicted++;
    }

    /** Incomplete packets currently held. */
    public synchronized int pending() {
        return pending.size();
    }

    /** Incomplete packets dropped so far (age or capacity). */
    public synchronized long evicted() {
        return evicted;
    }
}
