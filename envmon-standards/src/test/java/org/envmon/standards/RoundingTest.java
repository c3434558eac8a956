package org.envmon.standards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class RoundingTest {

    @Test
    void gbt8170HalfEven() {
        assertThat(Rounding.gbt8170(new BigDecimal("60.5"), 0)).isEqualByComparingTo("60");
        assertThat(Rounding.gbt8170(new BigDecimal("61.5"), 0)).isEqualByComparingTo("62");
        assertThat(Rounding.gbt8170(new BigDecimal("60.51"), 0)).isEqualByComparingTo("61");
        assertThat(Rounding.gbt8170(new BigDecimal("1.25"), 1)).isEqualByComparingTo("1.2");
        assertThat(Rounding.gbt8170(new BigDecimal("1.35"), 1)).isEqualByComparingTo("1.4");
    }

    @Test
    void ceil() {
        assertThat(Rounding.ceilToInt(new BigDecimal("55.000"))).isEqualTo(55);
        assertThat(Rounding.ceilToInt(new BigDecimal("55.0001"))).isEqualTo(56);
        assertThat(Rounding.ceilDiv(7, 2)).isEqualTo(4);
        assertThat(Rounding.ceilDiv(8, 2)).isEqualTo(4);
    }

    @Property(tries = 1000)
    void halfEvenDropMatchesBigDecimal(@ForAll @LongRange(max = 10_000_000) long v) {
        assertThat(Rounding.halfEvenDrop(v, 3))
                .isEqualTo(Rounding.gbt8170(BigDecimal.valueOf(v, 3), 0).longValueExact());
        assertThat(Rounding.halfEvenDrop(v, 2))
                .isEqualTo(Rounding.gbt8170(BigDecimal.valueOf(v, 2), 0).longValueExact());
    }

    @Test
    void unitsAndConcentrations() {
        assertThat(Concentration.of("1.2", Unit.MG_PER_M3).in(Unit.UG_PER_M3))
                .isEqualTo(Concentration.of("1200", Unit.UG_PER_M3));
        assertThat(Concentration.of("1.0", Unit.MG_PER_M3)).isEqualTo(Concentration.of("1", Unit.MG_PER_M3));
        assertThat(Concentration.of("1.0", Unit.MG_PER_M3).hashCode())
                .isEqualTo(Concentration.of("1", Unit.MG_PER_M3).hashCode());
        assertThatThrownBy(() -> Concentration.of("-1", Unit.UG_PER_M3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Unit.MG_PER_L.convert(BigDecimal.ONE, Unit.UG_PER_M3))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
