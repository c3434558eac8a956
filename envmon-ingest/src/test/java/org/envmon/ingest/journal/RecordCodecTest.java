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

/** The record payload. */
class RecordCodecTest extends JournalFixture {
    @Test
    void codecRoundTripsEveryField() {
        PacketWrite w = new PacketWrite(new RawPacket(new byte[] {0, 1, (byte) 0xff}, null, T0, "import:cnemc",
                null, "2061", null, null, false), List.of(
                new ObservationRow("站点1", "a34004", Interval.HOUR, Statistic.CONVERTED_MAX, T0, Double.NaN, null,
                        false, "RANGE;FLAG_M"),
                new ObservationRow("S2", "w01018", Interval.DAY, Statistic.COU, T0.plusNanos(123), -0.0, "D")));
        PacketWrite back = IngestMessages.toWrite(RecordCodec.decode(ByteBuffer.wrap(RecordCodec.encode(IngestMessages.of(w))),
                null));
        assertThat(back.packet()).usingRecursiveComparison().isEqualTo(w.packet());
        assertThat(back.observations()).isEqualTo(w.observations());
        assertThat(RecordCodec.decode(ByteBuffer.wrap(RecordCodec.encode(IngestMessages.of(w))), "k").dedupKey())
                .isEqualTo("k");
    }

    @Test
    void codecCarriesTheRetroactiveQcFlagsOfAPacket() {
        PacketWrite plain = new PacketWrite(new RawPacket(new byte[] {1}, "p", T0, "hj212", "MN", "2061", "q", "k",
                true), List.of(new ObservationRow("S1", "a34004", Interval.HOUR, Statistic.VALUE, T0, 6, "N", false,
                "CONSTANT")));
        assertThat(RecordCodec.encode(IngestMessages.of(plain))[0]).isEqualTo(RecordCodec.PAYLOAD_VERSION); // unchanged without flags
        PacketWrite w = new PacketWrite(plain.packet(), plain.observations(), List.of(
                QcFlag.of("S1", "a34004", Interval.HOUR, T0.minusSeconds(11 * 3600), T0, "CONSTANT", 12, 6.0)));
        PacketWrite back = IngestMessages.toWrite(RecordCodec.decode(ByteBuffer.wrap(RecordCodec.encode(
                IngestMessages.of(w))), null));
        assertThat(back.qcFlags()).isEqualTo(w.qcFlags());
        assertThat(back.observations()).isEqualTo(w.observations());
    }
}
