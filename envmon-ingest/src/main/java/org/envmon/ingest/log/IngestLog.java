package org.envmon.ingest.log;

import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * The ingest log: receivers append station packets, named consumers read them in order (see the package
 * description for the delivery guarantees).
 */
public interface IngestLog extends AutoCloseable {

    /** The consumer that writes the store; the local logs bound their backlog by its position. */
    String STORE = "store";

    /**
     * Appends a message. Never blocks the caller.
     *
     * @return completes with the message's position once it is durable (only then may the sender be answered);
     *         completes exceptionally with {@link org.envmon.ingest.IngestRejectedException} when the log is full
     *         or closed, or with the error that kept it from becoming durable
     */
    CompletionStage<Long> append(IngestMessage message);

    /**
     * Registers (or reopens) the consumer {@code name}, resuming after its committed position.
     *
     * @param after null, or the consumer whose committed position bounds what this one reads: a consumer that
     *              must see only what is already in the store follows {@link #STORE}
     */
    IngestConsumer subscribe(String name, String after);

    /** The names of the registered consumers. */
    java.util.Set<String> consumers();

    /** The last position a consumer can read. */
    long endPosition();

    /** The committed position of consumer {@code name} (0 when unknown). */
    long committed(String name);

    /**
     * Waits until consumer {@code name} has committed everything appended so far.
     *
     * @return false on timeout
     */
    boolean awaitCaughtUp(String name, Duration timeout) throws InterruptedException;

    /** Stops taking appends; what is appended stays readable until {@link #close()}. */
    void stopAppending();

    /** Stops the log: polls return nothing more, and positions are saved where the log keeps them. */
    @Override
    void close();
}
