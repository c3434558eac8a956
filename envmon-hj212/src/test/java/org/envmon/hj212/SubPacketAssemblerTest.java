package org.envmon.hj212;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class SubPacketAssemblerTest {

    private final Hj212Decoder decoder = new Hj212Decoder();
    private static final LocalDateTime QN = LocalDateTime.of(2024, 3, 1, 10, 0, 0, 123_000_000);

    private Hj212Packet part(String mn, int pnum, int pno, String code, double v) {
        byte[] f = Hj212PacketBuilder.create("2051").st("31").mn(mn).qn(QN).split(pnum, pno).answerRequired(true)
            .dataTime(LocalDateTime.of(2024, 3, 1, 9, 50)).value(code, ValueField.AVG, v).frame();
        return decoder.decode(f).packet();
    }

    @Test
    void reassemblesOutOfOrder() {
        SubPacketAssembler a = new SubPacketAssembler<Void>(1 << 20, 60_000);
        assertThat(part("M1", 3, 1, "a21026", 1).split()).isTrue();
        assertThat(a.offer(part("M1", 3, 3, "a19001", 3), 0).status()).isEqualTo(SubPacketAssembler.Outcome.Status.PENDING);
        assertThat(a.offer(part("M1", 3, 1, "a21026", 1), 1).status()).isEqualTo(SubPacketAssembler.Outcome.Status.PENDING);
        assertThat(a.pending()).isEqualTo(1);
        SubPacketAssembler.Outcome<Void> o = a.offer(part("M1", 3, 2, "a21002", 2), 2);
        assertThat(o.status()).isEqualTo(SubPacketAssembler.Outcome.Status.COMPLETE);
        Hj212Packet p = o.packet();
        assertThat(p.split()).isFalse();
        assertThat(p.flag()).isEqualTo(5);
        assertThat(p.qn()).isEqualTo("20240301100000123");
        assertThat(p.pollutants()).extracting(PollutantData::code).containsExactly("a21026", "a21002", "a19001");
        assertThat(p.pollutants()).extracting(x -> x.get(ValueField.AVG)).containsExactly(1.0, 2.0, 3.0);
        assertThat(p.dataTime()).isEqualTo("2024-03-01T09:50");
        assertThat(a.pending()).isZero();
    }

    @Test
    void duplicatesAndInconsistentPartsAreBadSubpacket() {
        SubPacketAssembler a = new SubPacketAssembler<Void>(1 << 20, 60_000);
        a.offer(part("M1", 2, 1, "a21026", 1), 0);
        SubPacketAssembler.Outcome<Void> dup = a.offer(part("M1", 2, 1, "a21026", 1), 1);
        assertThat(dup.status()).isEqualTo(SubPacketAssembler.Outcome.Status.REJECTED);
        assertThat(dup.reason()).isEqualTo(RejectReason.BAD_SUBPACKET);
        assertThat(a.offer(part("M1", 3, 2, "a21026", 1), 2).reason()).isEqualTo(RejectReason.BAD_SUBPACKET);
        assertThat(a.offer(part("M1", 2, 2, "a21026", 1), 3).status()).isEqualTo(SubPacketAssembler.Outcome.Status.COMPLETE);
    }

    @Test
    void expiresByAgeAndCountsTheDroppedParts() {
        SubPacketAssembler<Void> a = new SubPacketAssembler<>(1 << 20, 1000);
        a.offer(part("M1", 3, 1, "a21026", 1), 0);
        a.offer(part("M1", 3, 2, "a21026", 1), 10);
        a.offer(part("M2", 2, 1, "a21026", 1), 20);
        assertThat(a.pending()).isEqualTo(2);
        assertThat(a.expire(1005)).isEqualTo(1);
        assertThat(a.expire(5000)).isEqualTo(1);
        assertThat(a.pending()).isZero();
        assertThat(a.pendingBytes()).isZero();
        assertThat(a.expired()).isEqualTo(2);
        assertThat(a.droppedParts()).isEqualTo(3);
        assertThat(a.evicted()).isZero();
    }

    @Test
    void beyondThePendingBytesTheOldestIncompletePacketsAreEvicted() {
        Hj212Packet first = part("M1", 2, 1, "a21026", 1);
        long one = held(first); // what one incomplete packet of one part costs
        SubPacketAssembler<Void> a = new SubPacketAssembler<>(2 * one + one / 2, 60_000);
        a.offer(first, frame(first), null, 0);
        a.offer(part("M2", 2, 1, "a21026", 1), 10);
        Hj212Packet third = part("M3", 2, 1, "a21026", 1);
        a.offer(third, 20);
        assertThat(a.pending()).isEqualTo(2);
        assertThat(a.evicted()).isEqualTo(1);
        assertThat(a.droppedParts()).isEqualTo(1);
        assertThat(a.pendingBytes()).isLessThanOrEqualTo(2 * one + one / 2);
        // M1 was the oldest: its second part now starts a new incomplete packet instead of completing it
        assertThat(a.offer(part("M1", 2, 2, "a21026", 1), 30).status()).isEqualTo(SubPacketAssembler.Outcome.Status.PENDING);
        assertThat(a.offer(part("M3", 2, 2, "a21026", 1), 40).status()).isEqualTo(SubPacketAssembler.Outcome.Status.COMPLETE);
    }

    @Test
    void anIncompletePacketCostsWhatItsPartsWeighNotItsDeclaredPnum() {
        // The split-packet attack: 5,000 packets, each declaring PNUM=9999 and sending one part.
        SubPacketAssembler<Void> a = new SubPacketAssembler<>(64L << 20, 600_000);
        long frames = 0;
        for (int i = 0; i < 5000; i++) {
            byte[] f = Hj212PacketBuilder.create("2051").st("31").mn("M" + i).qn(QN).split(9999, 1)
                .answerRequired(true).dataTime(LocalDateTime.of(2024, 3, 1, 9, 50)).value("a21026", ValueField.AVG, 1)
                .frame();
            frames += f.length;
            assertThat(a.offer(decoder.decode(f).packet(), f, null, i).status())
                .isEqualTo(SubPacketAssembler.Outcome.Status.PENDING);
        }
        assertThat(a.pending()).isEqualTo(5000);
        long perPacketOverhead = (a.pendingBytes() - frames) / 5000;
        assertThat(perPacketOverhead).isLessThan(SubPacketAssembler.PACKET_OVERHEAD + SubPacketAssembler.PART_OVERHEAD + 64);
        assertThat(a.pendingBytes()).isLessThan(5L << 20);
    }

    @Test
    void eachPartKeepsItsFrameAndAttachmentInPnoOrder() {
        SubPacketAssembler<String> a = new SubPacketAssembler<>(1 << 20, 60_000);
        Hj212Packet p2 = part("M1", 2, 2, "a19001", 3);
        Hj212Packet p1 = part("M1", 2, 1, "a21026", 1);
        a.offer(p2, frame(p2), "second connection", 0);
        SubPacketAssembler.Outcome<String> o = a.offer(p1, frame(p1), "first connection", 1);
        assertThat(o.status()).isEqualTo(SubPacketAssembler.Outcome.Status.COMPLETE);
        assertThat(o.parts()).extracting(SubPacketAssembler.Part::attachment)
            .containsExactly("first connection", "second connection");
        assertThat(o.parts()).extracting(x -> x.packet().pno()).containsExactly(1, 2);
        assertThat(o.parts().get(1).frame()).isEqualTo(frame(p2));
        assertThat(a.pendingBytes()).isZero();
    }

    private static byte[] frame(Hj212Packet p) {
        return Hj212Encoder.frame(p.dataSegment());
    }

    private static long held(Hj212Packet p) {
        SubPacketAssembler<Void> a = new SubPacketAssembler<>(1 << 20, 60_000);
        a.offer(p, frame(p), null, 0);
        return a.pendingBytes();
    }

    @Test
    void unsplitPacketsPassThrough() {
        Hj212Packet p = decoder.decode(Hj212PacketBuilder.create("2011").mn("M").qn(QN).frame()).packet();
        SubPacketAssembler.Outcome<Void> o = new SubPacketAssembler<Void>(1, 1).offer(p, 0);
        assertThat(o.packet()).isSameAs(p);
    }
}
