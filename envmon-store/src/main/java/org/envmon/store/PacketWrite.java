package org.envmon.store;

import java.util.List;

/** A raw packet and the observations parsed from it, stored together in one transaction. */
public record PacketWrite(RawPacket packet, List<ObservationRow> observations) {
    public PacketWrite {
        observations = List.copyOf(observations);
    }
}
