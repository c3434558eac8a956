package org.envmon.ingest;

import java.util.concurrent.CompletableFuture;
import org.envmon.model.PacketWrite;
import org.envmon.model.WriteOutcome;

/**
 * The seam between receivers (the HJ 212 gateway, file imports) and the writers. A receiver hands over a packet and
 * may acknowledge it to its sender only when the returned future completes: at that point the packet is durable.
 * The default is {@link GroupCommitWriter} (in-memory queue, committed to the store); a Kafka producer with
 * acks=all can stand here later without the receivers changing.
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
