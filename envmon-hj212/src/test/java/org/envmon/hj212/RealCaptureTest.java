package org.envmon.hj212;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The real 2016-08-24 capture (190,463 lines) in its HJ/T 212-2005 framing and re-framed as HJ 212-2017.
 *
 * <p>2005 file: 190,365 frames have a right length and CRC and are all accepted (30 of them with a blank {@code ST=  },
 * tolerated); 98 are malformed: 71 length mismatches, 12 non-digit length fields, 14 lines not starting with ##,
 * and 1 frame whose CRC field (47C0) does not match its content (2BC0). (The capture's README says 190,366/97; the
 * re-framed file has 190,365 frames, which agrees with this count.)
 *
 * <p>2017 file: 190,365 frames; 183,998 accepted. The re-framing tool added a second QN in front of the 5,609 frames
 * that already had one ({@code QN=..000;QN=<14 digits>}) -> bad_field (duplicate QN), and cut the QN inside CP of the
 * 758 HJ/T 212-2005 replies (9011/9012/1013) to 14 digits -> bad_time. Frames it kept with {@code Flag=0} decode as
 * HJ/T 212-2005 per the Flag version bits.
 */
class RealCaptureTest {

    @Test
    void bothFramingsOfTheWholeDayDecodeWithTheExpectedCountsAndAgree() throws Exception {
        List<byte[]> old = TestData.sharedGzLines("real-capture-2016/capture-2016-08-24-hjt212-2005.txt.gz");
        List<byte[]> neu = TestData.sharedGzLines("real-capture-2016/capture-2016-08-24-as-hj212-2017.txt.gz");
        Verdicts v = decodeBoth(old, 190_463, neu, 190_365);
        // every legacy pollutant code of the capture maps to a 2017 code; what stays unknown are device-state codes
        // (SB1..SB8 running state, CON/POW) and three codes (25, 28, 99) absent from the digest
        assertThat(v.unknown.keySet()).isEqualTo(
            Set.of("SB1", "SB2", "SB3", "SB4", "SB5", "SB6", "SB7", "SB8", "CON", "POW", "25", "28", "99"));
        assertThat(v.mapped).isEqualTo(776_613);
        assertThat(v.newAccepted).isEqualTo(183_998);
        assertThat(v.newRejects).containsExactlyInAnyOrderEntriesOf(
            Map.of(RejectReason.BAD_FIELD, 5_609, RejectReason.BAD_TIME, 758));
    }

    /** The shipped slice of the same day (every malformed line, a sample of the valid ones), on every clone. */
    @Test
    void bothFramingsOfTheShippedSliceDecodeWithTheExpectedCountsAndAgree() throws Exception {
        List<byte[]> old = TestData.rawLines("capture-2016-08-24-slice-hjt212-2005.txt");
        List<byte[]> neu = TestData.rawLines("capture-2016-08-24-slice-as-hj212-2017.txt");
        Verdicts v = decodeBoth(old, 517, neu, 419);
        assertThat(v.mapped).isPositive();
        assertThat(v.newAccepted + v.newRejects.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(419);
        assertThat(v.newRejects.keySet()).containsExactlyInAnyOrder(RejectReason.BAD_FIELD, RejectReason.BAD_TIME);
    }

    private static final class Verdicts {
        final Map<RejectReason, Integer> oldRejects = new EnumMap<>(RejectReason.class);
        final Map<RejectReason, Integer> newRejects = new EnumMap<>(RejectReason.class);
        final Map<String, Integer> unknown = new HashMap<>();
        int oldAccepted;
        int newAccepted;
        int mapped;
    }

    /**
     * Decodes both framings of {@code oldLines} and {@code newFrames} lines: the 2005 framing accepts every frame the
     * 2017 one has and rejects the 98 malformed lines; every frame accepted in 2017 framing carries the same MN and
     * values as in 2005.
     */
    private static Verdicts decodeBoth(List<byte[]> old, int oldLines, List<byte[]> neu, int newFrames) {
        assertThat(old).hasSize(oldLines);
        assertThat(neu).hasSize(newFrames);
        Verdicts v = decodeBoth(old, neu);
        assertThat(v.oldAccepted).isEqualTo(newFrames);
        assertThat(v.oldRejects).containsExactlyInAnyOrderEntriesOf(Map.of(RejectReason.LENGTH_MISMATCH, 71,
            RejectReason.BAD_LENGTH_FIELD, 12, RejectReason.NO_HEADER, 14, RejectReason.BAD_CRC, 1));
        return v;
    }

    private static Verdicts decodeBoth(List<byte[]> old, List<byte[]> neu) {
        Hj212Decoder decoder = new Hj212Decoder();
        Verdicts v = new Verdicts();
        Hj212Packet[] accepted = new Hj212Packet[old.size()];
        for (int i = 0; i < old.size(); i++) {
            Hj212Result r = decoder.decode(old.get(i));
            if (!r.isAccepted()) {
                v.oldRejects.merge(r.reason(), 1, Integer::sum);
                continue;
            }
            Hj212Packet p = r.packet();
            accepted[v.oldAccepted++] = p;
            assertThat(p.version()).as("frame %d", i).isEqualTo(ProtocolVersion.HJT212_2005);
            for (PollutantData d : p.pollutants()) {
                if (!d.isKnown()) {
                    v.unknown.merge(d.code(), 1, Integer::sum);
                } else if (!d.code().equals(d.originalCode())) {
                    v.mapped++;
                }
            }
        }
        for (int i = 0; i < neu.size(); i++) {
            Hj212Result r = decoder.decode(neu.get(i));
            if (!r.isAccepted()) {
                v.newRejects.merge(r.reason(), 1, Integer::sum);
                continue;
            }
            v.newAccepted++;
            Hj212Packet p = r.packet();
            Hj212Packet o = accepted[i];
            if (!p.mn().equals(o.mn()) || !p.pollutants().equals(o.pollutants())) {
                assertThat(p.pollutants()).as("frame %d", i).isEqualTo(o.pollutants());
                assertThat(p.mn()).isEqualTo(o.mn());
            }
        }
        return v;
    }
}
