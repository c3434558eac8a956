package org.envmon.ingest.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.envmon.ingest.IngestMessages;
import org.envmon.ingest.IngestRejectedException;
import org.envmon.store.DuckDbTestDatabase;
import org.envmon.model.Interval;
import org.envmon.model.ObservationRow;
import org.envmon.model.PacketWrite;
import org.envmon.model.QcFlag;
import org.envmon.model.RawPacket;
import org.envmon.model.Statistic;
import org.envmon.model.Store;
import org.envmon.store.Stores;
import org.envmon.model.WriteOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The segment layout as read back. */
class SegmentFileTest extends JournalFixture {
    @Test
    void readerDetectsCrcMismatchAndShortRecords() throws Exception {
        Path f = dir.resolve(SegmentFile.name(1));
        byte[] payload = RecordCodec.encode(IngestMessages.of(packet(1, true)));
        ByteBuffer b = ByteBuffer.allocate(SegmentFile.HEADER_BYTES + 2 * (16 + payload.length));
        b.put(SegmentFile.header(1, java.util.UUID.randomUUID()));
        SegmentFile.frame(b, 1, payload);
        SegmentFile.frame(b, 2, payload);
        byte[] bytes = b.array();
        Files.write(f, bytes);
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
            SegmentFile.Reader r = new SegmentFile.Reader(ch, f, SegmentFile.HEADER_BYTES, 1);
            assertThat(r.next(ch.size()).seq()).isEqualTo(1);
            assertThat(r.next(ch.size()).seq()).isEqualTo(2);
            assertThat(r.next(ch.size())).isNull();
            assertThat(r.stop()).isEqualTo(SegmentFile.Stop.CLEAN_END);
        }
        bytes[SegmentFile.HEADER_BYTES + 16 + payload.length + 16 + 3] ^= 0x01;
        Files.write(f, bytes);
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
            SegmentFile.Reader r = new SegmentFile.Reader(ch, f, SegmentFile.HEADER_BYTES, 1);
            assertThat(r.next(ch.size())).isNotNull();
            assertThat(r.next(ch.size())).isNull();
            assertThat(r.stop()).isEqualTo(SegmentFile.Stop.TORN);
            assertThat(r.stopDetail()).contains("CRC32C mismatch");
            r = new SegmentFile.Reader(ch, f, SegmentFile.HEADER_BYTES, 1);
            assertThat(r.next(ch.size() - payload.length)).isNotNull();
            assertThat(r.next(ch.size() - payload.length)).isNull();
            assertThat(r.stopDetail()).contains("cut short");
        }
    }
}
