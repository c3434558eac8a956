package org.envmon.ingest;

import java.util.concurrent.CompletableFuture;
import org.envmon.model.PacketWrite;
import org.envmon.model.WriteOutcome;

/**
 * What receivers (the HJ 212 gateway, file imports) hand their packets to. A receiver may acknowledge a packet to its
 * sender only when the returned future completes: at that point the packet is durable. An {@link IngestPipeline}
 * appends it to its {@link org.envmon.ingest.log.IngestLog} as an {@link org.envmon.ingest.log.IngestMessage};
 * {@link QualityCheckingSink} judges the values on the way.
 */
public interface IngestSink extends AutoCloseable {

    /**
     * @return completes with the store's outcome once durable; completes exceptionally with
     *         {@link IngestRejectedException} when the queue is full or closed, or with the store's error when the
     *         commit failed. Never blocks the caller.
     */
    CompletableFuture<WriteOutcome> submit(PacketWrite write);

    @Override
    void close();
}
