package org.envmon.model;

import java.time.Instant;

/**
 * The exact bytes of a received frame (or an imported file line batch), kept as evidence. Never updated or deleted.
 *
 * @param source    "hj212" for the gateway, "import:cnemc" etc. for files
 * @param dedupKey  identifies a redelivery: a second packet with the same key is acknowledged but not stored again
 *                  (HJ 212: MN|CN|QN, or MN|CN|DataTime for HJ/T 212-2005 packets without QN); null = never a duplicate
 * @param crcOk     CRC verdict (always true for imported rows)
 */
public record RawPacket(
        byte[] bytes,
        String peer,
        Instant receivedAt,
        String source,
        String mn,
        String cn,
        String qn,
        String dedupKey,
        boolean crcOk) {
}
