package org.envmon.ingest.log;

import java.time.Duration;
import java.util.List;

/**
 * The consumer half of the {@link IngestLog}: one named consumer (a Kafka consumer group) reading in order from
 * its committed position. Used by one thread at a time.
 */
public interface IngestConsumer {

    String name();

    /**
     * @return the next records after the last one returned (at most {@code max}), waiting up to {@code timeout}
     *         for one; empty on timeout or once the log is closed
     */
    List<LogRecord> poll(int max, Duration timeout) throws InterruptedException;

    /** Everything up to and including {@code position} is processed: a restart resumes after it. */
    void commit(long position);

    /**
     * Gives up on the records up to {@code position} without having processed them. Only the consumer an append
     * waits for may do this (the in-memory log's store writer): their appends then fail, so the senders resend,
     * and consumers that follow this one never see them.
     */
    void abandon(long position, Throwable cause);

    /** The last committed position (0 before the first). */
    long committed();

    /** True once the log is closed: {@link #poll} returns nothing more. */
    boolean closed();
}
