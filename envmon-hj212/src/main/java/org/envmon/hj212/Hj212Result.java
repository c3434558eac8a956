package org.envmon.hj212;

import java.util.Objects;

/** Outcome of {@link Hj212Decoder#decode(byte[])}: an accepted packet, or exactly one reject reason and a detail. */
public final class Hj212Result {

    private final Hj212Packet packet;
    private final RejectReason reason;
    private final String detail;

    private Hj212Result(Hj212Packet packet, RejectReason reason, String detail) {
        this.packet = packet;
        this.reason = reason;
        this.detail = detail;
    }

    public static Hj212Result accepted(Hj212Packet packet) {
        return new Hj212Result(Objects.requireNonNull(packet), null, null);
    }

    public static Hj212Result rejected(RejectReason reason, String detail) {
        return new Hj212Result(null, Objects.requireNonNull(reason), detail == null ? reason.code() : detail);
    }

    public boolean isAccepted() {
        return packet != null;
    }

    /** The packet; throws {@link IllegalStateException} for a rejection. */
    public Hj212Packet packet() {
        if (packet == null) {
            throw new IllegalStateException("rejected: " + reason.code() + ": " + detail);
        }
        return packet;
    }

    /** The reject reason, or null when accepted. */
    public RejectReason reason() {
        return reason;
    }

    /** Human-readable explanation of the rejection, or null when accepted. */
    public String detail() {
        return detail;
    }

    @Override
    public String toString() {
        return packet != null ? "accepted " + packet : "rejected " + reason.code() + ": " + detail;
    }
}
