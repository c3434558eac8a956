package org.envmon.hj212;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class RepliesAndCatalogueTest {

    private final Hj212Decoder decoder = new Hj212Decoder();

    private Hj212Packet upload2017() {
        return decoder.decode(Hj212PacketBuilder.create("2011").st("32").mn("010000A8900016F000169DC0")
            .qn(LocalDateTime.of(2016, 8, 1, 8, 58, 57, 223_000_000)).answerRequired(true).frame()).packet();
    }

    @Test
    void dataAnswer9014() {
        byte[] f = Hj212Replies.dataAnswer(upload2017());
        String s = new String(f, StandardCharsets.US_ASCII);
        assertThat(s).startsWith("##0087QN=20160801085857223;ST=91;CN=9014;PW=123456;MN=010000A8900016F000169DC0;Flag=4;CP=&&&&")
            .endsWith("\r\n");
        Hj212Packet r = decoder.decode(f).packet();
        assertThat(r.cn()).isEqualTo("9014");
        assertThat(r.answerRequired()).isFalse();
    }

    @Test
    void requestAnswerAndExecutionResult() {
        Hj212Packet req = decoder.decode(Hj212Commands.setTime(
            new Hj212Commands.Target("32", "123456", "MN1", ProtocolVersion.HJ212_2017),
            LocalDateTime.of(2024, 1, 1, 0, 0, 0, 5_000_000), LocalDateTime.of(2024, 1, 1, 0, 0, 1), null)).packet();
        assertThat(req.cn()).isEqualTo("1012");
        assertThat(req.flag()).isEqualTo(5);
        assertThat(req.parameterTime("SystemTime")).isEqualTo("2024-01-01T00:00:01");
        Hj212Packet a = decoder.decode(Hj212Replies.requestAnswer(req, QnRtn.READY)).packet();
        assertThat(a.qn()).isEqualTo("20240101000000005");
        assertThat(a.st()).isEqualTo("91");
        assertThat(a.parameter("QnRtn")).isEqualTo("1");
        Hj212Packet e = decoder.decode(Hj212Replies.executionResult(req, ExeRtn.NO_DATA)).packet();
        assertThat(e.cn()).isEqualTo("9012");
        assertThat(e.parameter("ExeRtn")).isEqualTo("100");
        assertThat(QnRtn.CRC_ERROR.code()).isEqualTo(9);
        assertThat(QnRtn.UNKNOWN_ERROR.code()).isEqualTo(100);
    }

    @Test
    void legacyRepliesEchoQnInsideCp() {
        Hj212Packet req = decoder.decode(Hj212Encoder.frame(
            "QN=20160823235559979;ST=32;CN=2072;PW=123456;MN=ZG130182201401;Flag=1;CP=&&AlarmTime=20160823235559;"
                + "B01-Ala=16.00,AlarmType=1&&")).packet();
        assertThat(req.version()).isEqualTo(ProtocolVersion.HJT212_2005);
        String seg = Hj212Replies.requestAnswerSegment(req, QnRtn.READY);
        assertThat(seg).isEqualTo("ST=91;CN=9011;PW=123456;MN=ZG130182201401;Flag=0;CP=&&QN=20160823235559979;QnRtn=1&&");
    }

    @Test
    void commands() {
        Hj212Commands.Target t = new Hj212Commands.Target("22", "123456", "AQHJ0QP0100001", ProtocolVersion.HJ212_2017);
        LocalDateTime qn = LocalDateTime.of(2017, 3, 2, 15, 1, 1, 1_000_000);
        Hj212Packet h = decoder.decode(Hj212Commands.history(t, qn, "2051", LocalDateTime.of(2017, 3, 2, 0, 0),
            LocalDateTime.of(2017, 3, 3, 0, 0))).packet();
        // the same frame as samples.txt line 22 except for the Flag (5 = answer required, not 3)
        assertThat(h.dataSegment()).isEqualTo("QN=20170302150101001;ST=22;CN=2051;PW=123456;MN=AQHJ0QP0100001;Flag=5;"
            + "CP=&&BeginTime=20170302000000,EndTime=20170303000000&&");
        assertThat(decoder.decode(Hj212Commands.getTime(t, qn, "w01018")).packet().parameter("PolId")).isEqualTo("w01018");
        assertThat(decoder.decode(Hj212Commands.startRealtime(t, qn)).packet().cn()).isEqualTo("2011");
        assertThat(decoder.decode(Hj212Commands.stopRealtime(t, qn)).packet().cn()).isEqualTo("2012");
    }

    @Test
    void catalogue() {
        ParameterCatalogue c = ParameterCatalogue.standard();
        // digest §9.4 legacy table
        String[][] legacy = {{"001", "w01001"}, {"011", "w01018"}, {"060", "w21003"}, {"101", "w21011"},
            {"065", "w21001"}, {"B01", "w00000"}, {"02", "a21026"}, {"03", "a21002"}, {"01", "a34013"}};
        for (String[] l : legacy) {
            assertThat(c.toCode2017(l[0])).isEqualTo(l[1]);
            assertThat(c.findLegacy(l[0]).orElseThrow().code()).isEqualTo(l[1]);
        }
        assertThat(c.find("a34004").orElseThrow().nameEn()).isEqualTo("PM2.5");
        assertThat(c.find("a21005").orElseThrow().unit()).isEqualTo("mg/m3");
        assertThat(c.find("a21026").orElseThrow().category()).isEqualTo(Parameter.Category.AIR);
        assertThat(c.find("a21026", Parameter.Category.FLUE_GAS).orElseThrow().unit()).isEqualTo("mg/m3");
        assertThat(c.find("S01").orElseThrow().code()).isEqualTo("a19001");
        assertThat(c.find("S01").orElseThrow().uncertain()).isTrue();
        assertThat(c.find("nope")).isEmpty();
        assertThat(c.toCode2017("nope")).isEqualTo("nope");
        assertThat(c.all()).extracting(Parameter::category).contains(Parameter.Category.AIR, Parameter.Category.WATER,
            Parameter.Category.FLUE_GAS, Parameter.Category.WASTE_WATER, Parameter.Category.NOISE,
            Parameter.Category.METEOROLOGY);
        for (String code : new String[] {"w01001", "w01009", "w01019", "w01018", "w21003", "w21011", "w21001", "w01010",
            "w01014", "w01003", "a01001", "a01002", "a01006", "a01007", "a01008", "a00000", "a01011", "a01012",
            "a01013", "a01014", "a19001", "a34013", "a05024", "a21002", "a21003", "a21004", "a34002"}) {
            assertThat(c.find(code)).as(code).isPresent();
        }
    }
}
