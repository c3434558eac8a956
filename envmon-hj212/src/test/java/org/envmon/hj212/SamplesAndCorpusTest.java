package org.envmon.hj212;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Every line of samples.txt and of the 4,503-frame simulator corpus is accepted or rejected for a documented reason. */
class SamplesAndCorpusTest {

    private final Hj212Decoder decoder = new Hj212Decoder();

    /**
     * Content-level rejections of frames whose length and CRC are right (samples-index.tsv length_ok = crc_ok = True).
     * Lines 69-82 (HJ212Virtual simulator) carry a 13-digit epoch-millisecond QN, not yyyyMMddHHmmssSSS.
     */
    private static final Map<Integer, RejectReason> CONTENT_REJECTS = new HashMap<>();

    static {
        for (int l = 69; l <= 82; l++) {
            CONTENT_REJECTS.put(l, RejectReason.BAD_TIME);
        }
        // two code literals joined: w00000-Avg/Min/Max twice in one item, the value meant cannot be known
        CONTENT_REJECTS.put(97, RejectReason.BAD_FIELD);
    }

    @Test
    void everySampleGetsTheVerdictTheIndexImplies() throws Exception {
        List<String> samples = TestData.lines("samples.txt");
        List<String> index = TestData.lines("samples-index.tsv");
        Map<String, Integer> tally = new TreeMap<>();
        for (int i = 0; i < samples.size(); i++) {
            int line = i + 1;
            String[] row = index.get(line).split("\t");
            boolean lengthOk = Boolean.parseBoolean(row[3].toLowerCase());
            boolean crcOk = Boolean.parseBoolean(row[4].toLowerCase());
            RejectReason expected = !lengthOk ? RejectReason.LENGTH_MISMATCH
                : !crcOk ? RejectReason.BAD_CRC : CONTENT_REJECTS.get(line);
            Hj212Result r = decoder.decode(TestData.ascii(samples.get(i)));
            assertThat(r.reason()).as("line %d: %s", line, r).isEqualTo(expected);
            if (r.isAccepted()) {
                assertThat(r.packet().st()).isEqualTo(row[1]);
                assertThat(r.packet().cn()).isEqualTo(row[2]);
            }
            tally.merge(r.isAccepted() ? "ok" : r.reason().code(), 1, Integer::sum);
        }
        assertThat(tally).containsExactlyInAnyOrderEntriesOf(
            Map.of("ok", 51, "bad_crc", 35, "length_mismatch", 2, "bad_time", 14, "bad_field", 1));
    }

    @Test
    void sampleQuirksDecode() throws Exception {
        List<String> s = TestData.lines("samples.txt");
        // line 51: HJ/T 212-2005, 17-digit DataTime, B01 without flag, legacy codes mapped (digest §9.4)
        Hj212Packet p = decoder.decode(TestData.ascii(s.get(50))).packet();
        assertThat(p.version()).isEqualTo(ProtocolVersion.HJT212_2005);
        assertThat(p.qn()).isNull();
        assertThat(p.flag()).isNull();
        assertThat(p.dataTime()).isEqualTo("2016-08-24T00:38:17");
        assertThat(p.pollutants()).extracting(PollutantData::code).containsExactly("w00000", "w01018", "w21003");
        assertThat(p.pollutants()).extracting(PollutantData::originalCode).containsExactly("B01", "011", "060");
        assertThat(p.pollutants().get(0).get(ValueField.RTD)).isEqualTo(36.91);
        assertThat(p.pollutants().get(0).flag()).isNull();
        assertThat(p.pollutants().get(1).flag()).isEqualTo("N");
        // line 9: Flag=8, version bits 2
        assertThat(decoder.decode(TestData.ascii(s.get(8))).packet().version()).isEqualTo(ProtocolVersion.HJ212_2025);
        // line 12: PNO/PNUM without Flag -> split, 2017 by content
        Hj212Packet split = decoder.decode(TestData.ascii(s.get(11))).packet();
        assertThat(split.split()).isTrue();
        assertThat(split.pnum()).isEqualTo(2);
        assertThat(split.pno()).isEqualTo(2);
        assertThat(split.version()).isEqualTo(ProtocolVersion.HJ212_2017);
        // line 41: per-pollutant SampleTime
        Hj212Packet st = decoder.decode(TestData.ascii(s.get(40))).packet();
        assertThat(st.pollutants().get(0).sampleTime()).isEqualTo("2023-10-08T12:33:40");
        assertThat(st.answerRequired()).isTrue();
        // line 45: 'Flag=N' as a CP-level key is kept as a parameter
        assertThat(decoder.decode(TestData.ascii(s.get(44))).packet().parameter("Flag")).isEqualTo("N");
        // line 97 (two code literals joined): w00000 repeats Avg/Min/Max in one item -> which value is meant cannot
        // be known, so the frame is refused
        assertThat(decoder.decode(TestData.ascii(s.get(96))).reason()).isEqualTo(RejectReason.BAD_FIELD);
        // line 42: 9011 QnRtn parameter
        assertThat(decoder.decode(TestData.ascii(s.get(41))).packet().parameter("QnRtn")).isEqualTo("1");
    }

    @Test
    void simulatorCorpus() throws Exception {
        List<String> corpus = TestData.sharedLines("corpus-st21-simulator-DXCBZ000000005.txt");
        assertThat(corpus).hasSize(4503);
        Map<String, Integer> tally = new TreeMap<>();
        for (String line : corpus) {
            Hj212Result r = decoder.decode(TestData.ascii(line));
            tally.merge(r.isAccepted() ? "ok" : r.reason().code(), 1, Integer::sum);
            if (!r.isAccepted()) {
                // the only rejections: epoch-millisecond QN (13 digits) of the simulator's 1011/1012/9011/9012
                assertThat(line).as(r.toString()).matches("##\\d{4}QN=\\d{13};.*");
            } else {
                Hj212Packet p = r.packet();
                assertThat(p.mn()).isEqualTo("DXCBZ000000005");
                if (p.cn().equals("2011")) {
                    assertThat(p.pollutants()).extracting(PollutantData::code)
                        .containsExactly("w01018", "w21003", "w21011", "w21001", "w01001");
                    assertThat(p.pollutants()).allMatch(x -> x.has(ValueField.RTD) && "N".equals(x.flag()));
                }
            }
        }
        assertThat(tally).containsExactlyInAnyOrderEntriesOf(Map.of("ok", 4379, "bad_time", 124));
    }
}
