package org.envmon.ingest;

import java.util.List;
import org.envmon.model.PacketWrite;

/**
 * A consumer of what the store holds: the "observations stored" event that live evaluation and alerts consume.
 * Registered on the ingest log with {@link StoredBatches#follow}, it hears of records only once the store writer has
 * committed them, on its own consumer thread; a redelivery seen recently is left out. An implementation should only
 * hand the batch over (queue it): the consumer commits its position once the call returns.
 */
@FunctionalInterface
public interface CommittedListener {
    void committed(List<PacketWrite> stored);
}
