package org.envmon.ingest;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.envmon.ingest.log.ConsumerLoop;
import org.envmon.ingest.log.IngestLog;
import org.envmon.model.PacketWrite;
import org.envmon.model.WriteOutcome;

/**
 * An {@link IngestLog} with its store writer running, offered to receivers as an {@link IngestSink}: a submitted
 * write is appended as an {@link org.envmon.ingest.log.IngestMessage} and its future completes when the log says it
 * is durable. Other consumers register on {@link #log()}.
 */
public abstract class IngestPipeline implements IngestSink {
    private final IngestLog log;
    private ConsumerLoop storeWriter;
    private volatile boolean closed;

    protected IngestPipeline(IngestLog log) {
        this.log = log;
    }

    /** Starts the store writer; called once by the constructor of the implementation. */
    protected final void start(ConsumerLoop writer) {
        this.storeWriter = writer;
    }

    public final IngestLog log() {
        return log;
    }

    @Override
    public CompletableFuture<WriteOutcome> submit(PacketWrite write) {
        return log.append(IngestMessages.of(write)).toCompletableFuture().thenApply(this::outcome);
    }

    /** The outcome reported for the append that got {@code position}. */
    protected abstract WriteOutcome outcome(long position);

    /**
     * Waits until everything appended so far is in the store (the visibility lag has passed).
     *
     * @return true when caught up, false on timeout
     */
    public final boolean awaitStored(Duration timeout) throws InterruptedException {
        return log.awaitCaughtUp(IngestLog.STORE, timeout);
    }

    /** How long {@link #close()} lets the store writer catch up before the rest is left to the log. */
    protected abstract Duration drainTimeout();

    /**
     * Stops taking packets, lets the store writer and then the other consumers catch up (within
     * {@link #drainTimeout()}), then closes the log.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        log.stopAppending();
        long deadline = System.nanoTime() + drainTimeout().toNanos();
        try {
            if (log.awaitCaughtUp(IngestLog.STORE, drainTimeout())) {
                for (String name : log.consumers()) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0 || !log.awaitCaughtUp(name, Duration.ofNanos(left))) {
                        break;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.close();
        if (storeWriter != null) {
            storeWriter.close();
        }
    }
}
