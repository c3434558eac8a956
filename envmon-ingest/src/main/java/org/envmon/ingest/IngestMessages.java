package org.envmon.ingest;

import java.util.ArrayList;
import java.util.List;
import org.envmon.ingest.log.IngestMessage;
import org.envmon.ingest.log.Reading;
import org.envmon.model.ObservationRow;
import org.envmon.model.PacketWrite;
import org.envmon.model.RawPacket;

/** Between the log's messages and the store's rows: receivers build writes, the store writer stores rows. */
public final class IngestMessages {
    private IngestMessages() {
    }

    public static IngestMessage of(PacketWrite w) {
        RawPacket p = w.packet();
        List<Reading> readings = new ArrayList<>(w.observations().size());
        for (ObservationRow r : w.observations()) {
            readings.add(new Reading(r.siteCode(), r.parameter(), r.interval(), r.statistic(), r.time(), r.value(),
                    r.flag(), r.valid(), r.qc()));
        }
        return new IngestMessage(p.mn(), p.cn(), p.qn(), p.dedupKey(), p.source(), p.peer(), p.receivedAt(),
                p.bytes(), p.crcOk(), readings, w.qcFlags());
    }

    public static PacketWrite toWrite(IngestMessage m) {
        List<ObservationRow> rows = new ArrayList<>(m.readings().size());
        for (Reading r : m.readings()) {
            rows.add(new ObservationRow(r.siteCode(), r.parameter(), r.interval(), r.statistic(), r.time(), r.value(),
                    r.flag(), r.valid(), r.qc()));
        }
        return new PacketWrite(new RawPacket(m.frame(), m.peer(), m.receivedAt(), m.source(), m.mn(), m.cn(), m.qn(),
                m.dedupKey(), m.crcOk()), rows, m.qcFlags());
    }
}
