package org.envmon.ingest.log;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class ConsumerLoopTest {
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final InMemoryIngestLog log = new InMemoryIngestLog(1000, registry);
    final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    final Logger loopLogger = (Logger) LoggerFactory.getLogger(ConsumerLoop.class);

    @BeforeEach
    void captureLog() {
        lines.start();
        loopLogger.addAppender(lines);
    }

    @AfterEach
    void close() {
        log.close();
        loopLogger.detachAppender(lines);
    }

    @Test
    void aBatchTheStoreWriterGivesUpOnFailsItsAppendsAndIsLoggedAtMostOnceASecond() throws Exception {
        Counter failures = registry.counter("failures");
        ConsumerLoop loop = new ConsumerLoop(log.subscribe(IngestLog.STORE, null), batch -> {
            throw new IllegalStateException("store is down");
        }, new ConsumerLoop.Settings(1, ConsumerLoop.OnFailure.ABANDON, Duration.ZERO, Duration.ZERO), failures);
        List<CompletableFuture<Long>> appends = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            appends.add(log.append(InMemoryIngestLogTest.message("M1", i)).toCompletableFuture());
        }
        for (CompletableFuture<Long> a : appends) {
            try {
                a.get(5, TimeUnit.SECONDS);
                throw new AssertionError("an append the store writer gave up on completed");
            } catch (ExecutionException expected) {
                assertThat(expected.getCause()).hasMessage("store is down");
            }
        }
        assertThat(failures.count()).isEqualTo(20);
        List<ILoggingEvent> warnings = lines.list.stream().filter(e -> e.getLevel() == Level.WARN).toList();
        // 20 one-record batches fail within far less than a second of each other: the first is logged with its
        // positions and cause, the rest are counted into the next line.
        assertThat(warnings).isNotEmpty().hasSizeLessThan(20);
        assertThat(warnings.get(0).getFormattedMessage()).contains("ingest consumer store", "records 1..1",
                "store is down");
        log.close(); // the loop ends with its log
        loop.close();
    }
}
