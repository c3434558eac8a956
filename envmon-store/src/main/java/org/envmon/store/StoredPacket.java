package org.envmon.store;

/** A raw packet as stored, with the id the store gave it. */
public record StoredPacket(long id, RawPacket packet) {
}
