package org.envmon.hj212;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class RoundTripAndCorruptionTest {

    private static final Hj212Decoder DECODER = new Hj212Decoder();
    private static final String[] CODES = {"a34004", "a21026", "w01018", "w21003", "011", "060", "B01", "S01", "01",
        "xyz1", "LA"};

    record Item(String code, ValueField field, double value, String flag) {
    }

    @Provide
    Arbitrary<Item> items() {
        Arbitrary<Double> values = Arbitraries.oneOf(
            Arbitraries.doubles().between(-1e6, 1e6),
            Arbitraries.doubles().between(0, 1000).ofScale(3),
            Arbitraries.of(0.0, -0.0, 1e-9, 123456789.125, Double.MIN_VALUE, 1e300));
        return Combinators.combine(Arbitraries.of(CODES), Arbitraries.of(ValueField.class), values,
            Arbitraries.of("N", "F", "M", "S", "D", "C", "T", "B", null)).as(Item::new);
    }

    @Provide
    Arbitrary<LocalDateTime> times() {
        return Arbitraries.longs().between(0, 4_000_000_000L)
            .map(s -> LocalDateTime.of(2000, 1, 1, 0, 0).plusSeconds(s));
    }

    /** Whatever the builder produces decodes back to the same values (HJ 212-2017 §6.3 layout). */
    @Property(tries = 300)
    void encodeDecodeRoundTrip(@ForAll @Size(max = 40) List<@From("items") Item> items, @ForAll("times") LocalDateTime qn,
                               @ForAll("times") LocalDateTime dataTime, @ForAll boolean answer, @ForAll boolean legacy,
                               @ForAll @IntRange(min = 0, max = 3) int cnIndex) {
        String cn = new String[] {"2011", "2051", "2061", "2031"}[cnIndex];
        Hj212PacketBuilder b = Hj212PacketBuilder.create(cn).st("32").mn("ABCDEFG1234567").qn(qn).dataTime(dataTime)
            .answerRequired(answer).version(legacy ? ProtocolVersion.HJT212_2005 : ProtocolVersion.HJ212_2017);
        Map<String, Map<ValueField, Double>> expected = new LinkedHashMap<>();
        Map<String, String> flags = new LinkedHashMap<>();
        for (Item it : items) {
            Map<ValueField, Double> m = expected.computeIfAbsent(it.code(), k -> new LinkedHashMap<>());
            if (m.containsKey(it.field()) || m.size() > 20) {
                continue;
            }
            m.put(it.field(), it.value());
            b.value(it.code(), it.field(), it.value());
            if (it.flag() != null && !flags.containsKey(it.code())) {
                flags.put(it.code(), it.flag());
                b.flag(it.code(), it.flag());
            }
        }
        byte[] frame = b.frame();
        Hj212FrameSplitterTest.Sink sink = new Hj212FrameSplitterTest.Sink();
        new Hj212FrameSplitter().feed(frame, 0, frame.length, sink);
        assertThat(sink.frames).hasSize(1);
        Hj212Result r = DECODER.decode(sink.frames.get(0));
        assertThat(r.isAccepted()).as(r.toString()).isTrue();
        Hj212Packet p = r.packet();
        assertThat(p.cn()).isEqualTo(cn);
        assertThat(p.answerRequired()).isEqualTo(answer);
        assertThat(p.version()).isEqualTo(legacy ? ProtocolVersion.HJT212_2005 : ProtocolVersion.HJ212_2017);
        assertThat(p.qnTime()).isEqualTo(qn.withNano(0));
        assertThat(p.dataTime()).isEqualTo(dataTime);
        assertThat(p.pollutants()).hasSize(expected.size());
        int i = 0;
        for (Map.Entry<String, Map<ValueField, Double>> e : expected.entrySet()) {
            PollutantData d = p.pollutants().get(i++);
            assertThat(d.originalCode()).isEqualTo(e.getKey());
            for (ValueField f : ValueField.values()) {
                Double want = e.getValue().get(f);
                assertThat(d.has(f)).isEqualTo(want != null);
                if (want != null) {
                    assertThat(Double.doubleToLongBits(d.get(f))).as("%s-%s", e.getKey(), f)
                        .isEqualTo(Double.doubleToLongBits(want));
                }
            }
            assertThat(d.flag()).isEqualTo(flags.get(e.getKey()));
        }
    }

    // ---------------------------------------------------------------------------------------------- corruption

    private static final List<byte[]> VALID = new ArrayList<>();

    // Real frames shipped with the tests (both framings of the 2016 capture slice, the public samples), never the
    // shared data: a static initializer must not depend on files a clone may lack.
    static {
        try {
            for (String name : List.of("capture-2016-08-24-slice-as-hj212-2017.txt",
                    "capture-2016-08-24-slice-hjt212-2005.txt")) {
                for (byte[] l : TestData.rawLines(name)) {
                    if (VALID.size() < 600 && DECODER.decode(l).isAccepted()) {
                        VALID.add(l);
                    }
                }
            }
            for (String l : TestData.lines("samples.txt")) {
                if (DECODER.decode(TestData.ascii(l)).isAccepted()) {
                    VALID.add(TestData.ascii(l));
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * What the HJ 212 CRC can guarantee. The register update is {@code reg' = T[(reg >> 8) ^ b]}; T is injective and
     * linear, and its high byte is a permutation of 0..255. So changing one byte of the data segment changes the high
     * byte of the register, and that difference can never cancel out in later bytes: <b>every single-byte substitution
     * anywhere in a frame is rejected</b> (data segment -> bad_crc; length field -> length_mismatch or
     * bad_length_field; header -> no_header; CRC field -> bad_crc), with one exception that is harmless by design:
     * flipping the case of a hex letter A-F in the CRC field (the CRC is compared case-insensitively, digest §9.2),
     * which decodes to the identical packet.
     *
     * <p>What it cannot guarantee: after the first byte the CRC takes only 256 distinct values (it is T[...] of an 8-bit
     * index), so a corruption of two or more bytes goes undetected with probability about 1/256; such a frame decodes
     * to a different packet. Nothing below the transport can catch that; the platform's plausibility checks must.
     */
    @Property(tries = 3000)
    void singleByteCorruptionIsAlwaysRejectedExceptCrcCaseFlip(@ForAll @IntRange(min = 0, max = 100_000) int which,
                                                              @ForAll @IntRange(min = 0, max = 100_000) int where,
                                                              @ForAll @IntRange(min = 1, max = 255) int delta) {
        byte[] original = VALID.get(which % VALID.size());
        assertCorruption(original, where % original.length, (byte) (original[where % original.length] + delta));
    }

    @Test
    void exhaustiveSingleByteCorruptionOfTheAnnexAFrame() {
        byte[] f = TestData.ascii("##0101" + Hj212CrcTest.ANNEX_A + "1C80");
        for (int pos = 0; pos < f.length; pos++) {
            for (int v = 0; v < 256; v++) {
                if ((byte) v != f[pos]) {
                    assertCorruption(f, pos, (byte) v);
                }
            }
        }
    }

    private static void assertCorruption(byte[] original, int pos, byte value) {
        Hj212Packet before = DECODER.decode(original).packet();
        byte[] c = original.clone();
        c[pos] = value;
        Hj212Result r = DECODER.decode(c);
        boolean crcCaseFlip = pos >= original.length - 4 && Character.toUpperCase((char) original[pos]) == Character
            .toUpperCase((char) (value & 0xFF)) && Character.isLetter((char) original[pos]);
        if (crcCaseFlip) {
            assertThat(r.isAccepted()).isTrue();
            assertThat(r.packet().sameContent(before)).isTrue();
        } else {
            assertThat(r.isAccepted()).as("pos %d value %d -> %s", pos, value, r).isFalse();
        }
    }
}
