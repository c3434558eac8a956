package org.envmon.hj212;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class Hj212FrameSplitterTest {

    /** Collects frames and rejections. */
    static final class Sink implements FrameSink {
        final List<byte[]> frames = new ArrayList<>();
        final List<String> rejects = new ArrayList<>();
        int discarded;
        int garbageBytes;

        @Override
        public void frame(byte[] frame) {
            frames.add(frame);
        }

        @Override
        public void rejected(RejectReason reason, int n) {
            rejects.add(reason.code() + ":" + n);
            discarded += n;
            if (reason == RejectReason.GARBAGE) {
                garbageBytes += n;
            }
        }

        List<String> frameStrings() {
            List<String> out = new ArrayList<>();
            for (byte[] f : frames) {
                out.add(new String(f, StandardCharsets.ISO_8859_1));
            }
            return out;
        }
    }

    static final String F1 = "##0031ST=32;CN=2011;PW=1;MN=1;CP=&&&&" + crc("ST=32;CN=2011;PW=1;MN=1;CP=&&&&");
    static final String F2 = "##0101" + Hj212CrcTest.ANNEX_A + "1C80";

    static String crc(String d) {
        byte[] b = TestData.ascii(d);
        return Hj212Crc.format(Hj212Crc.crc16(b, 0, b.length));
    }

    static Sink feedAll(Hj212FrameSplitter s, String... parts) {
        Sink sink = new Sink();
        for (String p : parts) {
            byte[] b = p.getBytes(StandardCharsets.ISO_8859_1);
            s.feed(b, 0, b.length, sink);
        }
        return sink;
    }

    @Test
    void severalFramesInOneReadWithAndWithoutCrlf() {
        Sink sink = feedAll(new Hj212FrameSplitter(), F1 + "\r\n" + F2 + F1 + "\n\r\n" + F2 + "\r\n");
        assertThat(sink.frameStrings()).containsExactly(F1, F2, F1, F2);
        assertThat(sink.rejects).isEmpty();
    }

    @Test
    void frameSplitAtEveryPosition() {
        String s = F2 + "\r\n" + F1 + "\r\n";
        for (int cut = 0; cut <= s.length(); cut++) {
            Sink sink = feedAll(new Hj212FrameSplitter(), s.substring(0, cut), s.substring(cut));
            assertThat(sink.frameStrings()).as("cut %d", cut).containsExactly(F2, F1);
            assertThat(sink.rejects).isEmpty();
        }
        // one byte at a time
        Hj212FrameSplitter sp = new Hj212FrameSplitter();
        Sink sink = new Sink();
        for (byte b : s.getBytes(StandardCharsets.ISO_8859_1)) {
            sp.feed(new byte[] {b}, 0, 1, sink);
        }
        assertThat(sink.frameStrings()).containsExactly(F2, F1);
    }

    @Test
    void garbageBetweenFramesIsReportedOnce() {
        Hj212FrameSplitter sp = new Hj212FrameSplitter();
        Sink sink = feedAll(sp, "xx#y", "z\r\n", F1, "abc", "d\n" + F2);
        assertThat(sink.frameStrings()).containsExactly(F1, F2);
        assertThat(sink.rejects).containsExactly("garbage:5", "garbage:4");
        sp.endOfStream(sink);
        assertThat(sink.rejects).hasSize(2);
    }

    @Test
    void aStreamWithoutHeaderIsReportedEveryMaxGarbageRunBytesHoweverChunked() {
        String junk = "AT+CSQ\r\n".repeat(25) + "\r\n".repeat(25); // 250 bytes, never a "##"
        Sink whole = feedAll(new Hj212FrameSplitter(100, 100), junk);
        assertThat(whole.rejects).containsExactly("garbage:100", "garbage:100");
        Sink bytes = feedAll(new Hj212FrameSplitter(100, 100), junk.split(""));
        assertThat(bytes.rejects).isEqualTo(whole.rejects);
        // blank lines between frames stay free while each run is short
        Sink frames = feedAll(new Hj212FrameSplitter(100, 100), F1 + "\r\n\r\n", F1 + "\r\n");
        assertThat(frames.rejects).isEmpty();
        assertThat(frames.frames).hasSize(2);
    }

    @Test
    void truncatedFrameFollowedByNewHeader() {
        Sink sink = feedAll(new Hj212FrameSplitter(), "##0100QN=2016", F1 + "\r\n");
        assertThat(sink.frameStrings()).containsExactly(F1);
        assertThat(sink.rejects).containsExactly("truncated:13");
        Sink sink2 = feedAll(new Hj212FrameSplitter(), "##0100QN=2016\r\n", F1);
        assertThat(sink2.frameStrings()).containsExactly(F1);
        assertThat(sink2.rejects).containsExactly("truncated:13");
    }

    @Test
    void lyingLengthResyncsToNextHeader() {
        // declared 25 instead of 31: the 4 "CRC" bytes land on "CP=&" -> not hex
        String lie = "##0025" + F1.substring(6);
        Sink sink = feedAll(new Hj212FrameSplitter(), lie + "\r\n" + F2);
        assertThat(sink.frameStrings()).containsExactly(F2);
        assertThat(sink.rejects.get(0)).startsWith("length_mismatch:");
        assertThat(sink.rejects).allMatch(r -> r.startsWith("length_mismatch") || r.startsWith("garbage"));
        // declared too long: swallowed until the next "##"
        String longer = "##0040" + F1.substring(6);
        Sink sink2 = feedAll(new Hj212FrameSplitter(), longer + F2);
        assertThat(sink2.frameStrings()).containsExactly(F2);
        assertThat(sink2.rejects).containsExactly("truncated:" + longer.length());
    }

    @Test
    void badLengthFieldAndTripleHash() {
        Sink sink = feedAll(new Hj212FrameSplitter(), "##01x5ST=1\r\n#" + F1);
        assertThat(sink.frameStrings()).containsExactly(F1);
        assertThat(sink.rejects).containsExactly("bad_length_field:4", "garbage:7");
    }

    @Test
    void oversizeIsRejectedWithoutBuffering() {
        Hj212FrameSplitter sp = new Hj212FrameSplitter(100);
        Sink sink = new Sink();
        byte[] head = TestData.ascii("##0500");
        sp.feed(head, 0, head.length, sink);
        assertThat(sink.rejects).containsExactly("oversize:6");
        byte[] body = TestData.ascii("x".repeat(500) + "ABCD\r\n");
        sp.feed(body, 0, body.length, sink);
        assertThat(sp.bufferedBytes()).isZero();
        byte[] f = TestData.ascii(F1);
        sp.feed(f, 0, f.length, sink);
        assertThat(sink.frameStrings()).containsExactly(F1);
        assertThat(sink.rejects).containsExactly("oversize:6", "garbage:504");
    }

    @Test
    void endOfStreamReportsPartialFrame() {
        Hj212FrameSplitter sp = new Hj212FrameSplitter();
        Sink sink = feedAll(sp, F1.substring(0, 20));
        assertThat(sp.bufferedBytes()).isEqualTo(20);
        sp.endOfStream(sink);
        assertThat(sink.rejects).containsExactly("truncated:20");
        assertThat(sp.bufferedBytes()).isZero();
    }

    // ------------------------------------------------------------------------------------------------ properties

    @Provide
    Arbitrary<String> garbage() {
        return Arbitraries.strings().withChars("abcXYZ0123456789;=&,-. \t\u0000\u00ff").ofMaxLength(12);
    }

    @Provide
    Arbitrary<String> terminator() {
        return Arbitraries.of("\r\n", "\n", "", "\r\n\r\n");
    }

    /** Splitting a stream of frames with garbage between them yields exactly the frames, whatever the chunking. */
    @Property(tries = 200)
    void anyChunkingYieldsExactlyTheFrames(@ForAll @Size(min = 1, max = 12) List<@IntRange(min = 0, max = 2) Integer> picks,
                                           @ForAll @Size(min = 12, max = 12) List<@From("garbage") String> garbage,
                                           @ForAll @Size(min = 12, max = 12) List<@From("terminator") String> terms,
                                           @ForAll long seed) {
        String[] pool = {F1, F2, new String(Hj212PacketBuilder.create("2011").mn("X1").qn(java.time.LocalDateTime.of(2024, 1, 1, 0, 0))
            .value("w01018", ValueField.RTD, 12.5).frame(), StandardCharsets.ISO_8859_1).trim()};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String> expected = new ArrayList<>();
        int garbageTotal = 0;
        int garbageRuns = 0;
        for (int i = 0; i < picks.size(); i++) {
            String g = garbage.get(i);
            out.writeBytes(g.getBytes(StandardCharsets.ISO_8859_1));
            garbageTotal += g.length();
            garbageRuns += g.isEmpty() ? 0 : 1;
            String f = pool[picks.get(i)];
            expected.add(f);
            out.writeBytes(f.getBytes(StandardCharsets.ISO_8859_1));
            out.writeBytes(terms.get(i).getBytes(StandardCharsets.ISO_8859_1));
        }
        byte[] stream = out.toByteArray();
        Random rnd = new Random(seed);
        Hj212FrameSplitter sp = new Hj212FrameSplitter(4096);
        Sink sink = new Sink();
        int pos = 0;
        while (pos < stream.length) {
            int n = Math.min(stream.length - pos, 1 + rnd.nextInt(rnd.nextBoolean() ? 8 : 300));
            sp.feed(stream, pos, n, sink);
            pos += n;
        }
        sp.endOfStream(sink);
        assertThat(sink.frameStrings()).isEqualTo(expected);
        assertThat(sink.garbageBytes).isEqualTo(garbageTotal);
        assertThat(sink.rejects).hasSize(garbageRuns).allMatch(r -> r.startsWith("garbage:"));
    }

    /** feedToFrame reports what feed reports, in the same order, and stops right after each frame. */
    @Property(tries = 200)
    void feedToFrameStopsAfterEachFrameAndLosesNothing(
            @ForAll @Size(max = 40) List<@IntRange(min = 0, max = 6) Integer> pieces, @ForAll long seed) {
        String[] pool = {F1, F2, "\r\n", "junk", "##00x", "##0010abc", "###"};
        StringBuilder sb = new StringBuilder();
        pieces.forEach(i -> sb.append(pool[i]));
        byte[] stream = sb.toString().getBytes(StandardCharsets.ISO_8859_1);
        List<String> whole = new ArrayList<>();
        Hj212FrameSplitter a = new Hj212FrameSplitter(4096, 7);
        a.feed(stream, 0, stream.length, recorder(whole));
        a.endOfStream(recorder(whole));

        List<String> events = new ArrayList<>();
        FrameSink sink = recorder(events);
        Hj212FrameSplitter b = new Hj212FrameSplitter(4096, 7);
        Random rnd = new Random(seed);
        int pos = 0;
        while (pos < stream.length) {
            int n = Math.min(stream.length - pos, 1 + rnd.nextInt(60));
            int before = events.size();
            int used = b.feedToFrame(stream, pos, n, sink);
            assertThat(used).isBetween(1, n);
            List<String> call = events.subList(before, events.size());
            assertThat(call.stream().filter(e -> e.startsWith("##")).count()).isLessThanOrEqualTo(1);
            if (used < n) {
                assertThat(call).isNotEmpty();
                assertThat(call.get(call.size() - 1)).startsWith("##");
            }
            pos += used;
        }
        b.endOfStream(sink);
        assertThat(events).isEqualTo(whole);
    }

    private static FrameSink recorder(List<String> events) {
        return new FrameSink() {
            @Override
            public void frame(byte[] frame) {
                events.add(new String(frame, StandardCharsets.ISO_8859_1));
            }

            @Override
            public void rejected(RejectReason reason, int n) {
                events.add(reason.code() + ":" + n);
            }
        };
    }

    /** Whatever the input, the splitter never holds more than maxDataLength + 10 (<= +12) bytes. */
    @Property(tries = 300)
    void bufferingIsBounded(@ForAll @Size(max = 3000) List<@IntRange(min = 0, max = 15) Integer> symbols,
                            @ForAll @IntRange(min = 0, max = 64) int max, @ForAll long seed) {
        byte[] alphabet = TestData.ascii("##0123456789\r\nAx");
        byte[] in = new byte[symbols.size()];
        for (int i = 0; i < in.length; i++) {
            in[i] = alphabet[symbols.get(i)];
        }
        Hj212FrameSplitter sp = new Hj212FrameSplitter(max);
        Sink sink = new Sink();
        Random rnd = new Random(seed);
        int pos = 0;
        while (pos < in.length) {
            int n = Math.min(in.length - pos, 1 + rnd.nextInt(50));
            sp.feed(in, pos, n, sink);
            pos += n;
            assertThat(sp.bufferedBytes()).isLessThanOrEqualTo(max + 10);
        }
        for (byte[] f : sink.frames) {
            assertThat(f.length).isLessThanOrEqualTo(max + 10);
            assertThat(Arrays.copyOf(f, 2)).isEqualTo(new byte[] {'#', '#'});
        }
    }
}
