package org.envmon.hj212;

import java.util.Objects;

/**
 * Outcome of {@link Hj212Decoder#decode(byte[])}: an accepted packet, or exactly one reject reason and a detail.
 *
 * @param reason the reject reason, or null when accepted
 * @param detail human-readable explanation of the rejection, or null when accepted
 */
public record Hj212Result(Hj212Packet packet, RejectReason reason, String detail) {

    public Hj212Result {
        if ((packet == null) == (reason == null)) {
            throw new IllegalArgumentException("a result is either a packet or a reject reason");
        }
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
    @Override
    public Hj212Packet packet() {
        if (packet == null) {
            throw new IllegalStateException("rejected: " + reason.code() + ": " + detail);
        }
        return packet;
    }

    @Override
    public String toString() {
        return packet != null ? "accepted " + packet : "rejected " + reason.code() + ": " + detail;
    }
}
