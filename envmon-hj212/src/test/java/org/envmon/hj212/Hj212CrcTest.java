package org.envmon.hj212;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class Hj212CrcTest {

    static final String ANNEX_A = "QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;"
        + "CP=&&RtdInterval=30&&";

    @Test
    void annexAExampleGives1C80NotModbus() {
        byte[] d = TestData.ascii(ANNEX_A);
        assertThat(Hj212Crc.format(Hj212Crc.crc16(d, 0, d.length))).isEqualTo("1C80");
        assertThat(Hj212Crc.crc16Reference(d, 0, d.length)).isEqualTo(0x1C80);
        assertThat(modbus(d)).isEqualTo(0x0759); // digest §9.2: MODBUS would give 0759
        assertThat(Hj212Crc.matches(d, 0, d.length, "1c80")).isTrue();
    }

    @Test
    void formatIsZeroPaddedUpperCase() {
        assertThat(Hj212Crc.format(0x0a0b)).isEqualTo("0A0B");
        assertThat(Hj212Crc.parseHex4(TestData.ascii("0a0B"), 0)).isEqualTo(0x0A0B);
        assertThat(Hj212Crc.parseHex4(TestData.ascii("0G0B"), 0)).isEqualTo(-1);
    }

    @Test
    void crcOfEverySampleMatchesTheIndex() throws Exception {
        List<String> samples = TestData.lines("samples.txt");
        List<String> index = TestData.lines("samples-index.tsv");
        assertThat(samples).hasSize(103);
        for (int i = 0; i < samples.size(); i++) {
            String[] row = index.get(i + 1).split("\t");
            byte[] f = TestData.ascii(samples.get(i));
            int data = f.length - 10;
            String computed = Hj212Crc.format(Hj212Crc.crc16(f, 6, data));
            assertThat(computed).as("line %d", i + 1).isEqualTo(row[5]);
            boolean crcOk = Hj212Crc.matches(f, 6, data, new String(f, 6 + data, 4, java.nio.charset.StandardCharsets.US_ASCII));
            assertThat(crcOk).as("line %d crc_ok", i + 1).isEqualTo(Boolean.parseBoolean(row[4].toLowerCase()));
        }
    }

    @Property(tries = 300)
    void tableDrivenEqualsAnnexABitwise(@ForAll @net.jqwik.api.constraints.Size(max = 2000) byte[] data) {
        assertThat(Hj212Crc.crc16(data, 0, data.length)).isEqualTo(Hj212Crc.crc16Reference(data, 0, data.length));
    }

    @Test
    void slicedEqualsBytewiseForEveryLengthAndOffset() {
        java.util.Random r = new java.util.Random(42);
        byte[] b = new byte[300];
        r.nextBytes(b);
        for (int off = 0; off < 9; off++) {
            for (int len = 0; len + off <= 200; len++) {
                assertThat(Hj212Crc.crc16(b, off, len)).isEqualTo(Hj212Crc.crc16Bytewise(b, off, len))
                    .isEqualTo(Hj212Crc.crc16Reference(b, off, len));
            }
        }
    }

    private static int modbus(byte[] b) {
        int reg = 0xFFFF;
        for (byte x : b) {
            reg ^= x & 0xFF;
            for (int k = 0; k < 8; k++) {
                reg = (reg & 1) != 0 ? (reg >>> 1) ^ 0xA001 : reg >>> 1;
            }
        }
        return reg;
    }
}
