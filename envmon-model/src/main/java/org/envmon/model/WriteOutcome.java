package org.envmon.model;

/** What became of one {@link PacketWrite}: stored with its id, or recognised as a redelivery of an earlier packet. */
public record WriteOutcome(Status status, long packetId) {
    public enum Status { STORED, DUPLICATE }

    public static WriteOutcome stored(long id) {
        return new WriteOutcome(Status.STORED, id);
    }

    public static WriteOutcome duplicate(long id) {
        return new WriteOutcome(Status.DUPLICATE, id);
    }
}
