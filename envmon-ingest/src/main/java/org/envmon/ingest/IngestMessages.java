package org.envmon.ingest;

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
        List<ObservationRow> rows = w.observations();
        Reading[] readings = new Reading[rows.size()];
        for (int i = 0; i < readings.length; i++) {
            readings[i] = Reading.of(rows.get(i));
        }
        // An immutable list: the record's List.copyOf keeps it as it is (this runs for every packet).
        return new IngestMessage(p.mn(), p.cn(), p.qn(), p.dedupKey(), p.source(), p.peer(), p.receivedAt(),
                p.bytes(), p.crcOk(), List.of(readings), w.qcFlags());
    }

    public static PacketWrite toWrite(IngestMessage m) {
        List<Reading> readings = m.readings();
        ObservationRow[] rows = new ObservationRow[readings.size()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = readings.get(i).toRow();
        }
        return new PacketWrite(new RawPacket(m.frame(), m.peer(), m.receivedAt(), m.source(), m.mn(), m.cn(), m.qn(),
                m.dedupKey(), m.crcOk()), List.of(rows), m.qcFlags());
    }
}
