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
        SubPacketAssembler a = new SubPacketAssembler(10, 60_000);
        assertThat(part("M1", 3, 1, "a21026", 1).split()).isTrue();
        assertThat(a.offer(part("M1", 3, 3, "a19001", 3), 0).status()).isEqualTo(SubPacketAssembler.Outcome.Status.PENDING);
        assertThat(a.offer(part("M1", 3, 1, "a21026", 1), 1).status()).isEqualTo(SubPacketAssembler.Outcome.Status.PENDING);
        assertThat(a.pending()).isEqualTo(1);
        SubPacketAssembler.Outcome o = a.offer(part("M1", 3, 2, "a21002", 2), 2);
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
        SubPacketAssembler a = new SubPacketAssembler(10, 60_000);
        a.offer(part("M1", 2, 1, "a21026", 1), 0);
        SubPacketAssembler.Outcome dup = a.offer(part("M1", 2, 1, "a21026", 1), 1);
        assertThat(dup.status()).isEqualTo(SubPacketAssembler.Outcome.Status.REJECTED);
        assertThat(dup.reason()).isEqualTo(RejectReason.BAD_SUBPACKET);
        assertThat(a.offer(part("M1", 3, 2, "a21026", 1), 2).reason()).isEqualTo(RejectReason.BAD_SUBPACKET);
        assertThat(a.offer(part("M1", 2, 2, "a21026", 1), 3).status()).isEqualTo(SubPacketAssembler.Outcome.Status.COMPLETE);
    }

    @Test
    void boundedByCountAndAge() {
        SubPacketAssembler a = new SubPacketAssembler(2, 1000);
        a.offer(part("M1", 2, 1, "a21026", 1), 0);
        a.offer(part("M2", 2, 1, "a21026", 1), 10);
        a.offer(part("M3", 2, 1, "a21026", 1), 20);
        assertThat(a.pending()).isEqualTo(2);
        assertThat(a.evicted()).isEqualTo(1);
        assertThat(a.offer(part("M1", 2, 2, "a21026", 1), 30).status()).isEqualTo(SubPacketAssembler.Outcome.Status.PENDING);
        assertThat(a.expire(5000)).isEqualTo(2);
        assertThat(a.pending()).isZero();
    }

    @Test
    void unsplitPacketsPassThrough() {
        Hj212Packet p = decoder.decode(Hj212PacketBuilder.create("2011").mn("M").qn(QN).frame()).packet();
        SubPacketAssembler.Outcome o = new SubPacketAssembler(1, 1).offer(p, 0);
        assertThat(o.packet()).isSameAs(p);
    }
}
