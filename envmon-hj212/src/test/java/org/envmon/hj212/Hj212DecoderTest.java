package org.envmon.hj212;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class Hj212DecoderTest {

    private final Hj212Decoder decoder = new Hj212Decoder();

    static byte[] frame(String data) {
        return Hj212Encoder.frame(data);
    }

    static String h2017(String cn, String cp) {
        return "QN=20240102030405678;ST=32;CN=" + cn + ";PW=123456;MN=010000A8900016F000169DC0;Flag=5;CP=&&" + cp + "&&";
    }

    @Test
    void annexAExample() {
        Hj212Result r = decoder.decode(TestData.ascii("##0101" + Hj212CrcTest.ANNEX_A + "1C80\r\n"));
        Hj212Packet p = r.packet();
        assertThat(p.qn()).isEqualTo("20160801085857223");
        assertThat(p.qnTime()).isEqualTo(LocalDateTime.of(2016, 8, 1, 8, 58, 57, 223_000_000));
        assertThat(p.st()).isEqualTo("32");
        assertThat(p.cn()).isEqualTo("1062");
        assertThat(p.flag()).isEqualTo(5);
        assertThat(p.version()).isEqualTo(ProtocolVersion.HJ212_2017);
        assertThat(p.answerRequired()).isTrue();
        assertThat(p.split()).isFalse();
        assertThat(p.pnum()).isNull();
        assertThat(p.parameters()).containsExactly(java.util.Map.entry("RtdInterval", "30"));
        assertThat(p.dataSegment()).isEqualTo(Hj212CrcTest.ANNEX_A);
    }

    @Test
    void fullDataPacket() {
        String cp = "DataTime=20240102030000;a21026-Rtd=12.5,a21026-Flag=N,a21026-EFlag=A1;"
            + "a34004-Avg=35,a34004-Min=30.0,a34004-Max=41,a34004-Flag=M;"
            + "02-Rtd=1.0,02-ZsRtd=1.2,02-Flag=N;02-ZsAvg=3,02-ZsMin=2,02-ZsMax=4,02-Cou=-0.5;"
            + "w01018-SampleTime=20240102025500,w01018-Rtd=.5;i12001-Info=abc;xyz-Rtd=7";
        Hj212Packet p = decoder.decode(frame(h2017("2011", cp))).packet();
        assertThat(p.dataTime()).isEqualTo("2024-01-02T03:00");
        assertThat(p.pollutants()).extracting(PollutantData::code)
            .containsExactly("a21026", "a34004", "a21026", "w01018", "i12001", "xyz");
        PollutantData so2 = p.pollutants().get(0);
        assertThat(so2.get(ValueField.RTD)).isEqualTo(12.5);
        assertThat(so2.eFlag()).isEqualTo("A1");
        assertThat(so2.has(ValueField.AVG)).isFalse();
        assertThat(so2.get(ValueField.AVG)).isNaN();
        assertThat(so2.dataTime()).isNull();
        PollutantData pm = p.pollutants().get(1);
        assertThat(pm.get(ValueField.AVG)).isEqualTo(35);
        assertThat(pm.get(ValueField.MIN)).isEqualTo(30);
        assertThat(pm.flag()).isEqualTo("M");
        PollutantData legacy = p.pollutants().get(2); // 2005 "02" -> a21026, merged across its two items
        assertThat(legacy.originalCode()).isEqualTo("02");
        assertThat(legacy.isKnown()).isTrue();
        assertThat(legacy.get(ValueField.ZS_RTD)).isEqualTo(1.2);
        assertThat(legacy.get(ValueField.ZS_MAX)).isEqualTo(4);
        assertThat(legacy.get(ValueField.COU)).isEqualTo(-0.5);
        assertThat(p.pollutants().get(3).sampleTime()).isEqualTo("2024-01-02T02:55");
        assertThat(p.pollutants().get(3).get(ValueField.RTD)).isEqualTo(0.5);
        assertThat(p.pollutants().get(4).other()).containsEntry("Info", "abc");
        assertThat(p.pollutants().get(5).isKnown()).isFalse();
        assertThat(p.pollutant("02")).isSameAs(legacy);
    }

    @Test
    void repeatedFieldStartsANewInstanceAndDataTimeOpensAGroup() {
        String cp = "DataTime=20240102030000;B01-Rtd=1;060-Rtd=2;B01-Rtd=3;"
            + "DataTime=20240102040000;B01-Rtd=4,B01-Flag=N;B01-Flag=D";
        Hj212Packet p = decoder.decode(frame(h2017("2011", cp))).packet();
        assertThat(p.pollutants()).hasSize(5);
        assertThat(p.pollutants()).extracting(x -> x.get(ValueField.RTD)).containsExactly(1.0, 2.0, 3.0, 4.0, Double.NaN);
        assertThat(p.pollutants().get(3).dataTime()).isEqualTo("2024-01-02T04:00");
        assertThat(p.pollutants().get(3).flag()).isEqualTo("N");
        assertThat(p.pollutants().get(4).flag()).isEqualTo("D");
        assertThat(p.pollutants().get(0).effectiveTime(p)).isEqualTo("2024-01-02T03:00");
    }

    @Test
    void theSameFieldTwiceInOneItemIsABadField() {
        Hj212Result r = decoder.decode(frame(h2017("2011",
            "DataTime=20240102030000;a34004-Rtd=0.99,a34004-Flag=N,a34004-Rtd=1001.49")));
        assertThat(r.reason()).isEqualTo(RejectReason.BAD_FIELD);
        assertThat(r.detail()).contains("a34004-Rtd").contains("twice");
        assertThat(decoder.decode(frame(h2017("2011", "a34004-Flag=N,a34004-Rtd=1,a34004-Flag=N"))).reason())
            .isEqualTo(RejectReason.BAD_FIELD);
        // in separate items a repeat is another channel, and a different suffix is another field
        assertThat(decoder.decode(frame(h2017("2011", "a34004-Rtd=0.99;a34004-Rtd=1001.49"))).isAccepted()).isTrue();
        assertThat(decoder.decode(frame(h2017("2011", "a34004-Rtd=1,a34004-ZsRtd=1,a34004-Avg=1"))).isAccepted())
            .isTrue();
    }

    @Test
    void repliesAndParametersOf2005() {
        Hj212Packet p = decoder.decode(frame("ST=91;CN=9011;PW=123456;MN=LD130107000188;Flag=0;"
            + "CP=&&QN=20160824000504006;QnRtn=1&&")).packet();
        assertThat(p.version()).isEqualTo(ProtocolVersion.HJT212_2005);
        assertThat(p.qn()).isNull();
        assertThat(p.parameter("QN")).isEqualTo("20160824000504006");
        assertThat(p.parameter("QnRtn")).isEqualTo("1");
        Hj212Packet h = decoder.decode(frame(h2017("2051", "BeginTime=20240101000000,EndTime=20240102000000"))).packet();
        assertThat(h.parameterTime("BeginTime")).isEqualTo("2024-01-01T00:00");
        assertThat(h.parameterTime("EndTime")).isEqualTo("2024-01-02T00:00");
        Hj212Packet c = decoder.decode(frame(h2017("3014", "PolId=101,CTime=04,CTime=10"))).packet();
        assertThat(c.parameterValues("CTime")).containsExactly("04", "10");
    }

    @Test
    void trailingCrlfAndLowerCaseCrcAccepted() {
        byte[] f = frame(h2017("2011", ""));
        String s = new String(f, StandardCharsets.US_ASCII);
        assertThat(decoder.decode(f).isAccepted()).isTrue();
        String noCrlf = s.substring(0, s.length() - 2);
        assertThat(decoder.decode(TestData.ascii(noCrlf)).isAccepted()).isTrue();
        assertThat(decoder.decode(TestData.ascii(noCrlf.toLowerCase().substring(noCrlf.length() - 4)
            .transform(crc -> noCrlf.substring(0, noCrlf.length() - 4) + crc))).isAccepted()).isTrue();
    }

    static Stream<Arguments> badFrames() {
        return Stream.of(
            arguments("no_header", "#0010"),
            arguments("no_header", "X#0010"),
            arguments("truncated", "##01"),
            arguments("bad_length_field", "##01a4ST=32;CN=2011;PW=1;MN=1;CP=&&&&0000"),
            arguments("oversize", "##5000" + "x".repeat(5000) + "0000"),
            arguments("length_mismatch", "##0099ST=32;CN=2011;PW=1;MN=1;CP=&&&&0000"),
            arguments("bad_crc", "##0031ST=32;CN=2011;PW=1;MN=1;CP=&&&&0000"),
            arguments("bad_crc", "##0031ST=32;CN=2011;PW=1;MN=1;CP=&&&&00G0"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("badFrames")
    void framingRejects(String reason, String frame) {
        Hj212Decoder d = new Hj212Decoder(4096);
        assertThat(d.decode(TestData.ascii(frame)).reason().code()).isEqualTo(reason);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "missing_field | ST=32;CN=2011;PW=1;MN=1;Flag=4;CP=&&&&",
        "missing_field | QN=20240102030405678;CN=2011;PW=1;MN=1;Flag=4;CP=&&&&",
        "missing_field | QN=20240102030405678;ST=32;PW=1;MN=1;Flag=4;CP=&&&&",
        "missing_field | QN=20240102030405678;ST=32;CN=2011;MN=1;Flag=4;CP=&&&&",
        "missing_field | QN=20240102030405678;ST=32;CN=2011;PW=1;Flag=4;CP=&&&&",
        "missing_field | QN=20240102030405678;ST=32;CN=2011;PW=1;MN=1;Flag=4;",
        "bad_field     | QN=20240102030405678;ST=3x;CN=2011;PW=1;MN=1;Flag=4;CP=&&&&",
        "bad_field     | QN=20240102030405678;ST=32;CN=201;PW=1;MN=1;Flag=4;CP=&&&&",
        "bad_field     | QN=20240102030405678;ST=32;CN=2011;PW=;MN=1;Flag=4;CP=&&&&",
        "bad_field     | QN=20240102030405678;ST=32;CN=2011;PW=1;MN=1;Flag=4;XX=1;CP=&&&&",
        "bad_field     | QN=20240102030405678;ST=32;ST=32;CN=2011;PW=1;MN=1;Flag=4;CP=&&&&",
        "bad_field     | QN=20240102030405678;ST=32;CN=2011;PW=1;MN=1;Flag=4;CP=&&a=1",
        "bad_field     | QN=20240102030405678;ST=32;CN=2011;PW=1;MN=1;Flag=4;CP=&&a&&",
        "bad_field     | QN=20240102030405678;ST=32;CN=2011;PW=1;MN=1;Flag=4;CP=&&-Rtd=1&&",
        "bad_field     | QN=20240102030405678;ST=32;CN=2011;PW=1;MN=1;Flag=4;CP=&&a-Flag=&&",
        "bad_value     | QN=20240102030405678;ST=32;CN=2011;PW=1;MN=1;Flag=4;CP=&&a-Rtd=1e5&&",
        "bad_value     | QN=20240102030405678;ST=32;CN=2011;PW=1;MN=1;Flag=4;CP=&&a-Rtd=+1&&",
        "bad_value     | QN=20240102030405678;ST=32;CN=2011;PW=1;MN=1;Flag=4;CP=&&a-Avg=&&",
        "bad_value     | QN=20240102030405678;ST=32;CN=2011;PW=1;MN=1;Flag=4;CP=&&a-Max=1.2.3&&",
        "bad_value     | QN=20240102030405678;ST=32;CN=2011;PW=1;MN=1;Flag=4;CP=&&QnRtn=x&&",
        "bad_time      | QN=2024010203040567;ST=32;CN=2011;PW=1;MN=1;Flag=4;CP=&&&&",
        "bad_time      | QN=20240230030405678;ST=32;CN=2011;PW=1;MN=1;Flag=4;CP=&&&&",
        "bad_time      | QN=20240102030405678;ST=32;CN=2011;PW=1;MN=1;Flag=4;CP=&&DataTime=20240102030405000&&",
        "bad_time      | ST=32;CN=2011;PW=1;MN=1;CP=&&DataTime=20241302030405&&",
        "bad_time      | QN=20240102030405678;ST=32;CN=2011;PW=1;MN=1;Flag=4;CP=&&a-SampleTime=2024&&",
        "bad_time      | QN=20240102030405678;ST=32;CN=1012;PW=1;MN=1;Flag=4;CP=&&SystemTime=20240102246000&&",
        "bad_flag      | QN=20240102030405678;ST=32;CN=2011;PW=1;MN=1;Flag=256;CP=&&&&",
        "bad_flag      | QN=20240102030405678;ST=32;CN=2011;PW=1;MN=1;Flag=x;CP=&&&&",
        "bad_flag      | QN=20240102030405678;ST=32;CN=2011;PW=1;MN=1;Flag=12;CP=&&&&",
        "bad_flag      | QN=20240102030405678;ST=32;CN=2011;PW=1;MN=1;Flag=6;CP=&&&&",
        "bad_flag      | QN=20240102030405678;ST=32;CN=2011;PW=1;MN=1;Flag=4;PNUM=2;PNO=1;CP=&&&&",
        "bad_subpacket | QN=20240102030405678;ST=32;CN=2011;PW=1;MN=1;Flag=6;PNUM=2;PNO=3;CP=&&&&",
        "bad_subpacket | QN=20240102030405678;ST=32;CN=2011;PW=1;MN=1;Flag=6;PNUM=0;PNO=1;CP=&&&&",
        "bad_subpacket | QN=20240102030405678;ST=32;CN=2011;PW=1;MN=1;PNUM=2;CP=&&&&",
    })
    void contentRejects(String reason, String data) {
        Hj212Result r = decoder.decode(frame(data));
        assertThat(r.reason()).as(r.toString()).isNotNull();
        assertThat(r.reason().code()).as(r.detail()).isEqualTo(reason);
        assertThat(r.detail()).isNotBlank();
    }

    @Test
    void versionFallbackWithoutFlag() {
        assertThat(decoder.decode(frame("ST=32;CN=2011;PW=1;MN=12345678901234;CP=&&011-Rtd=1&&")).packet().version())
            .isEqualTo(ProtocolVersion.HJT212_2005);
        assertThat(decoder.decode(frame("QN=20240102030405678;ST=32;CN=2011;PW=1;MN=12345678901234;CP=&&w01018-Rtd=1&&"))
            .packet().version()).isEqualTo(ProtocolVersion.HJ212_2017);
        assertThat(decoder.decode(frame("QN=20240102030405678;ST=32;CN=2011;PW=1;MN=12345678901234;CP=&&011-Rtd=1&&"))
            .packet().version()).isEqualTo(ProtocolVersion.HJT212_2005);
    }

    @Test
    void numbersParseExactly() {
        String[] vals = {"0", "-0", "1", "-1.5", "235.292750833832", "0.09055002", "19796346.00", "123456789012345678",
            "0.1234567890123456789", "1.", ".25", "-3.185592", "00012.5000"};
        for (String v : vals) {
            byte[] b = TestData.ascii(v);
            assertThat(Hj212Decoder.number(b, 0, b.length)).as(v).isEqualTo(Double.parseDouble(v));
        }
        for (String v : new String[] {"", "-", ".", "1e3", "+1", "NaN", "1,0", " 1", "0x10"}) {
            byte[] b = TestData.ascii(v);
            assertThat(Hj212Decoder.number(b, 0, b.length)).as(v).isNaN();
        }
    }

    @Test
    void utf8InValuesIsPreserved() {
        Hj212Packet p = decoder.decode(frame(h2017("2011", "i12001-Info=设备正常"))).packet();
        assertThat(p.pollutants().get(0).other()).containsEntry("Info", "设备正常");
    }

    @Test
    void everyReasonHasAStableLowerCaseCode() {
        for (RejectReason r : RejectReason.values()) {
            assertThat(r.code()).matches("[a-z_]+").isEqualTo(r.name().toLowerCase());
        }
    }
}
