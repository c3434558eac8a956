package org.envmon.model;

import java.util.List;

/**
 * A raw packet and the observations parsed from it, stored together in one transaction.
 *
 * @param qcFlags retroactive QC verdicts on earlier values of the same site that this packet's values completed
 *                (see {@link QcFlag}); stored and chained in the same transaction, only when the packet is stored
 */
public record PacketWrite(RawPacket packet, List<ObservationRow> observations, List<QcFlag> qcFlags) {
    public PacketWrite {
        observations = List.copyOf(observations);
        qcFlags = qcFlags == null ? List.of() : List.copyOf(qcFlags);
    }

    public PacketWrite(RawPacket packet, List<ObservationRow> observations) {
        this(packet, observations, List.of());
    }
}
