package org.envmon.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.envmon.ingest.IngestSink;
import org.envmon.model.PacketWrite;
import org.envmon.model.WriteOutcome;
import org.junit.jupiter.api.Test;

class SubmitAndAnswerHandlerTest {
    final PipelineFixture fx = new PipelineFixture();
    final HeldSink sink = new HeldSink();
    final SubmitAndAnswerHandler handler = new SubmitAndAnswerHandler(sink, fx.metrics);

    static CompletePacket complete(String segment) {
        AuthenticatedPacket p = PipelineFixture.authenticated(segment);
        return new CompletePacket(p.packet(), p.frame().bytes(), List.of(), p.frame(), p.siteCode());
    }

    @Test
    void thePacketIsAnsweredOnlyOnceTheSinkReportsItDurable() {
        EmbeddedChannel ch = fx.channel(5, handler);
        ch.writeInbound(complete(PipelineFixture.good(1)));
        assertThat(sink.writes).singleElement().satisfies(w -> {
            assertThat(w.packet().receivedAt()).isEqualTo(PipelineFixture.NOW);
            assertThat(w.observations()).isNotEmpty().allSatisfy(o -> assertThat(o.siteCode()).isEqualTo("S1"));
        });
        ch.runPendingTasks();
        assertThat((Object) ch.readOutbound()).isNull();

        sink.futures.get(0).complete(WriteOutcome.stored(1));
        ch.runPendingTasks();
        assertThat(PipelineFixture.answer(ch).cn()).isEqualTo("9014");
        assertThat(fx.registry.counter("envmon.hj212.answers").count()).isEqualTo(1);
    }

    @Test
    void aFailedCommitLeavesThePacketUnanswered() {
        EmbeddedChannel ch = fx.channel(5, handler);
        ch.writeInbound(complete(PipelineFixture.good(1)));
        sink.futures.get(0).completeExceptionally(new IllegalStateException("database down"));
        ch.runPendingTasks();
        assertThat((Object) ch.readOutbound()).isNull();
        assertThat(fx.registry.counter("envmon.hj212.unanswered").count()).isEqualTo(1);
        assertThat(ch.isActive()).isTrue();
    }

    @Test
    void aPacketWithoutTheAFlagIsStoredButNotAnswered() {
        EmbeddedChannel ch = fx.channel(5, handler);
        ch.writeInbound(complete(TestStation.segment("20261101080000001", GatewayIntegrationTest.MN, GatewayIntegrationTest.PW, 4,
                GatewayIntegrationTest.T0, 12)));
        sink.futures.get(0).complete(WriteOutcome.stored(1));
        ch.runPendingTasks();
        assertThat(sink.writes).hasSize(1);
        assertThat((Object) ch.readOutbound()).isNull();
    }

    @Test
    void eachPartOfASplitPacketIsAnsweredOnTheConnectionItCameIn() {
        SplitPacketHandler split = new SplitPacketHandler(fx.assembler, fx.metrics);
        EmbeddedChannel a = fx.channel(5, split, handler);
        EmbeddedChannel b = fx.channel(5, split, handler);
        a.writeInbound(PipelineFixture.authenticated(SplitPacketHandlerTest.part(2, 1)));
        b.writeInbound(PipelineFixture.authenticated(SplitPacketHandlerTest.part(2, 2)));
        assertThat(sink.writes).hasSize(1);
        sink.futures.get(0).complete(WriteOutcome.stored(1));
        a.runPendingTasks();
        b.runPendingTasks();
        assertThat(PipelineFixture.answer(a).cn()).isEqualTo("9014");
        assertThat(PipelineFixture.answer(b).cn()).isEqualTo("9014");
        assertThat((Object) a.readOutbound()).isNull();
    }

    /** A sink that holds every packet until the test completes its future. */
    static final class HeldSink implements IngestSink {
        final List<PacketWrite> writes = new ArrayList<>();
        final List<CompletableFuture<WriteOutcome>> futures = new ArrayList<>();

        @Override
        public CompletableFuture<WriteOutcome> submit(PacketWrite write) {
            writes.add(write);
            CompletableFuture<WriteOutcome> f = new CompletableFuture<>();
            futures.add(f);
            return f;
        }

        @Override
        public void close() {
        }
    }
}
