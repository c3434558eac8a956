package org.envmon.model;

/** A raw packet as stored, with the id the store gave it. */
public record StoredPacket(long id, RawPacket packet) {
}
