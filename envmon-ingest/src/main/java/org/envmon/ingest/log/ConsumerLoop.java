package org.envmon.ingest.log;

import io.micrometer.core.instrument.Counter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.envmon.ingest.LogThrottle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one {@link IngestConsumer} on its own thread: poll, hand the batch to the handler, commit. A failed batch is
 * retried with backoff until it succeeds (at-least-once: a handler must tolerate seeing a batch again), or, with
 * {@link OnFailure#ABANDON}, given up ({@link IngestConsumer#abandon}). Stops when the log is closed.
 */
public final class ConsumerLoop implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ConsumerLoop.class);

    /** Processes one batch; throwing leaves it uncommitted. */
    @FunctionalInterface
    public interface Handler {
        void handle(List<LogRecord> batch) throws Exception;
    }

    public enum OnFailure { RETRY, ABANDON }

    /** How a loop polls and retries. */
    public record Settings(int maxBatch, OnFailure onFailure, Duration retryMin, Duration retryMax) {
        public static Settings retrying(int maxBatch) {
            return new Settings(maxBatch, OnFailure.RETRY, Duration.ofMillis(100), Duration.ofSeconds(5));
        }
    }

    private final IngestConsumer consumer;
    private final Handler handler;
    private final Settings settings;
    private final Counter failures;
    private final Thread thread;
    /** At most one line a second while a store keeps failing; the batches in between are counted into the next. */
    private final LogThrottle abandonedLines = new LogThrottle(1_000_000_000L, System::nanoTime);

    public ConsumerLoop(IngestConsumer consumer, Handler handler, Settings settings, Counter failures) {
        this.consumer = consumer;
        this.handler = handler;
        this.settings = settings;
        this.failures = failures;
        this.thread = new Thread(this::run, "envmon-consumer-" + consumer.name());
        thread.start();
    }

    public IngestConsumer consumer() {
        return consumer;
    }

    private void run() {
        try {
            long backoff = settings.retryMin().toNanos();
            while (!consumer.closed()) {
                List<LogRecord> batch;
                try {
                    batch = consumer.poll(settings.maxBatch(), Duration.ofMillis(100));
                } catch (RuntimeException e) {
                    failures.increment();
                    log.error("ingest consumer {}: cannot read the log; retrying", consumer.name(), e);
                    if (!pause(backoff)) {
                        return;
                    }
                    backoff = Math.min(Math.max(backoff, 1_000_000) * 2, settings.retryMax().toNanos());
                    continue;
                }
                backoff = settings.retryMin().toNanos();
                if (!batch.isEmpty() && !process(batch)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** @return false when the log closed before the batch was processed */
    private boolean process(List<LogRecord> batch) throws InterruptedException {
        long last = batch.get(batch.size() - 1).position();
        long backoff = settings.retryMin().toNanos();
        for (int attempt = 0; ; attempt++) {
            try {
                handler.handle(batch);
                consumer.commit(last);
                return true;
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                failures.increment();
                if (settings.onFailure() == OnFailure.ABANDON) {
                    long unlogged = abandonedLines.admit(consumer.name(), "abandoned");
                    if (unlogged >= 0) {
                        log.warn("ingest consumer {}: records {}..{} failed and were given up ({} more batches since "
                                + "the last such line): {}", consumer.name(), batch.get(0).position(), last, unlogged,
                                e.toString());
                    }
                    consumer.abandon(last, e);
                    return true;
                }
                if (attempt % 20 == 0) {
                    log.warn("ingest consumer {}: records {}..{} failed; retrying with backoff: {}", consumer.name(),
                            batch.get(0).position(), last, e.toString());
                }
            }
            if (!pause(backoff)) {
                return false;
            }
            backoff = Math.min(backoff * 2, settings.retryMax().toNanos());
        }
    }

    private boolean pause(long nanos) throws InterruptedException {
        long until = System.nanoTime() + nanos;
        while (System.nanoTime() < until) {
            if (consumer.closed()) {
                return false;
            }
            Thread.sleep(Math.max(1, Math.min(50, TimeUnit.NANOSECONDS.toMillis(until - System.nanoTime()))));
        }
        return !consumer.closed();
    }

    /** Waits for the loop to end; the log must be closed first (or be closing). */
    @Override
    public void close() {
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
