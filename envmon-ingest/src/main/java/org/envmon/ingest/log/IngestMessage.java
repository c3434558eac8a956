package org.envmon.ingest.log;

import java.time.Instant;
import java.util.List;
import org.envmon.model.QcFlag;

/**
 * What the ingest log carries: one station packet (or one batch of imported rows) as EnvMon decoded it, before any
 * store row exists.
 *
 * @param mn         the station (HJ 212 MN); the partition key, so a station's packets stay in order
 * @param cn         the command (HJ 212 CN), e.g. 2011
 * @param qn         the request number (HJ 212-2017 QN), null for HJ/T 212-2005 packets
 * @param dedupKey   identifies a redelivery (MN|CN|QN, or MN|CN|T&lt;DataTime&gt; without QN); null = never a duplicate.
 *                   Consumers deduplicate on it, since delivery is at least once
 * @param source     "hj212" for the gateway, "import:..." for files
 * @param peer       where it came from (address:port or file name)
 * @param receivedAt when the gateway or importer read it
 * @param frame      the exact bytes received, kept as evidence
 * @param crcOk      the frame's CRC verdict
 * @param readings   the decoded values, QC verdicts included
 * @param qcFlags    retroactive QC verdicts on earlier values this packet completed
 */
public record IngestMessage(String mn, String cn, String qn, String dedupKey, String source, String peer,
                            Instant receivedAt, byte[] frame, boolean crcOk, List<Reading> readings,
                            List<QcFlag> qcFlags) {

    public IngestMessage {
        readings = List.copyOf(readings);
        qcFlags = qcFlags == null ? List.of() : List.copyOf(qcFlags);
    }

    /** The partition key: the station, so that one station's packets are delivered in order. */
    public String key() {
        return mn != null ? mn : source;
    }

    /** The packet's data time: the time of its first reading (HJ 212 DataTime), null when it carries none. */
    public Instant dataTime() {
        return readings.isEmpty() ? null : readings.get(0).time();
    }

    public IngestMessage withDedupKey(String key) {
        return new IngestMessage(mn, cn, qn, key, source, peer, receivedAt, frame, crcOk, readings, qcFlags);
    }
}
