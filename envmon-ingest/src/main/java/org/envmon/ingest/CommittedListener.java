package org.envmon.ingest;

import java.util.List;
import org.envmon.model.PacketWrite;

/**
 * Told about every group commit, after it is durable: the "observations stored" event that live evaluation and
 * alerts consume. Called on the writer thread, so an implementation must only hand the batch over (queue it), never
 * block or do slow work. Duplicates are not included.
 */
@FunctionalInterface
public interface CommittedListener {
    void committed(List<PacketWrite> stored);
}
