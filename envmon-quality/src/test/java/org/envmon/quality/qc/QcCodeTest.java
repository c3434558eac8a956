package org.envmon.quality.qc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QcCodeTest {

    @Test
    void bitsAreUniqueAndStable() {
        Set<Integer> bits = new HashSet<>();
        for (QcCode c : QcCode.values()) {
            assertThat(bits.add(c.bit())).as(c.name()).isTrue();
            assertThat(c.bit()).isBetween(0, 63);
        }
        // stored data depends on these numbers: changing one is a data migration
        assertThat(QcCode.FLAG_STOPPED.bit()).isZero();
        assertThat(QcCode.NEGATIVE.bit()).isEqualTo(9);
        assertThat(QcCode.SPIKE.bit()).isEqualTo(14);
        assertThat(QcCode.PM25_ABOVE_PM10.bit()).isEqualTo(16);
        assertThat(QcCode.DUPLICATE_TIME.bit()).isEqualTo(21);
    }

    @Test
    void instrumentFlagsFollowHj212() {
        assertThat(QcCode.ofInstrumentFlag("N")).isNull();
        assertThat(QcCode.ofInstrumentFlag(null)).isNull();
        assertThat(QcCode.ofInstrumentFlag("")).isNull();
        assertThat(QcCode.ofInstrumentFlag("F")).isEqualTo(QcCode.FLAG_STOPPED);
        assertThat(QcCode.ofInstrumentFlag("M")).isEqualTo(QcCode.FLAG_MAINTENANCE);
        assertThat(QcCode.ofInstrumentFlag("S")).isEqualTo(QcCode.FLAG_MANUAL);
        assertThat(QcCode.ofInstrumentFlag("D")).isEqualTo(QcCode.FLAG_FAULT);
        assertThat(QcCode.ofInstrumentFlag("C")).isEqualTo(QcCode.FLAG_CALIBRATION);
        assertThat(QcCode.ofInstrumentFlag("T")).isEqualTo(QcCode.FLAG_OVER_RANGE);
        assertThat(QcCode.ofInstrumentFlag("B")).isEqualTo(QcCode.FLAG_COMM_FAILURE);
        assertThat(QcCode.ofInstrumentFlag("m")).isEqualTo(QcCode.FLAG_MAINTENANCE);
        assertThat(QcCode.ofInstrumentFlag("X")).isEqualTo(QcCode.FLAG_UNKNOWN);
        for (String f : List.of("F", "M", "S", "D", "C", "B")) {
            assertThat(QcCode.ofInstrumentFlag(f).invalidates()).as(f).isTrue();
        }
        assertThat(QcCode.FLAG_OVER_RANGE.invalidates()).isFalse();
        assertThat(QcCode.FLAG_UNKNOWN.invalidates()).isFalse();
        assertThat(QcCode.FLAG_MAINTENANCE.instrumentFlag()).isEqualTo('M');
    }

    @Test
    void encodeDecodeRoundTrip() {
        long m = QcCode.SPIKE.mask() | QcCode.NEGATIVE.mask();
        assertThat(QcCode.encode(m)).isEqualTo("NEGATIVE;SPIKE");
        assertThat(QcCode.decode("NEGATIVE;SPIKE")).isEqualTo(m);
        assertThat(QcCode.decode(" spike ; negative ")).isEqualTo(m);
        assertThat(QcCode.encode(0)).isEmpty();
        assertThat(QcCode.decode("")).isZero();
        assertThat(QcCode.decode(null)).isZero();
        long all = 0;
        for (QcCode c : QcCode.values()) {
            all |= c.mask();
        }
        assertThat(QcCode.decode(QcCode.encode(all))).isEqualTo(all);
        assertThatThrownBy(() -> QcCode.decode("NEGATIVE;BOGUS")).hasMessageContaining("BOGUS");
    }

    @Test
    void verdictRoundTrips() {
        QcVerdict v = QcVerdict.of(QcCode.SPIKE.mask() | QcCode.CONSTANT.mask());
        assertThat(v.valid()).isFalse();
        assertThat(v.codes()).containsExactly(QcCode.CONSTANT, QcCode.SPIKE);
        assertThat(QcVerdict.decode(v.encode())).isEqualTo(v);
        assertThat(QcVerdict.of(v.mask())).isEqualTo(v);
        assertThat(QcVerdict.of(QcCode.SPIKE.mask()).valid()).isTrue();
        assertThat(QcVerdict.of(0)).isSameAs(QcVerdict.CLEAN);
        assertThatThrownBy(() -> new QcVerdict(true, List.of(QcCode.NEGATIVE)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
