package org.envmon.quality.qc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.envmon.model.Interval;
import org.envmon.model.Medium;
import org.envmon.model.ObservationRow;
import org.envmon.model.Statistic;

class QcPropertiesTest {
    private static final Instant NOW = QcTestRows.NOW;
    private static final QcRules RULES = QcRules.defaults();

    private static QualityControl fresh() {
        return new QualityControl(RULES, QcOptions.defaults(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Provide
    Arbitrary<ObservationRow> rows() {
        Arbitrary<String> site = Arbitraries.of("s1", "s2");
        Arbitrary<String> code = Arbitraries.of("a34004", "a34002", "a21004", "a21002", "a21005", "zz1");
        Arbitrary<Interval> iv = Arbitraries.of(Interval.HOUR, Interval.HOUR, Interval.MINUTE);
        Arbitrary<Statistic> st = Arbitraries.of(Statistic.VALUE, Statistic.VALUE, Statistic.VALUE, Statistic.MAX,
                Statistic.COU);
        Arbitrary<Instant> t = Arbitraries.integers().between(-3, 40)
                .map(h -> NOW.minus(Duration.ofHours(30)).plus(Duration.ofHours(h)));
        Arbitrary<Double> v = Arbitraries.oneOf(
                Arbitraries.of(0.0, 5.0, 6.0, 10.0, 40.0, 160.0, 1510.5, 3000.0, 3001.0, -1.0, Double.NaN),
                Arbitraries.doubles().between(-10, 4000));
        Arbitrary<String> flag = Arbitraries.of("N", "N", "N", null, "M", "T", "D", "C", "Q");
        return Combinators.combine(site, code, iv, st, t, v, flag).as(ObservationRow::new);
    }

    @Provide
    Arbitrary<List<List<ObservationRow>>> packets() {
        return rows().list().ofMinSize(1).ofMaxSize(6).list().ofMinSize(1).ofMaxSize(40);
    }

    @Property(tries = 200)
    void rawValuesAreNeverChanged(@ForAll("packets") List<List<ObservationRow>> packets) {
        List<List<ObservationRow>> copy = new ArrayList<>();
        for (List<ObservationRow> p : packets) {
            copy.add(List.copyOf(p));
        }
        QualityControl qc = fresh();
        for (List<ObservationRow> p : packets) {
            QcResult r = qc.check(Medium.AIR, p, NOW);
            assertThat(r.size()).isEqualTo(p.size());
        }
        for (int i = 0; i < packets.size(); i++) {
            for (int j = 0; j < packets.get(i).size(); j++) {
                ObservationRow a = packets.get(i).get(j);
                ObservationRow b = copy.get(i).get(j);
                assertThat(a).isSameAs(b);
                assertThat(Double.doubleToRawLongBits(a.value())).isEqualTo(Double.doubleToRawLongBits(b.value()));
            }
        }
    }

    /**
     * A value that is invalid on its own (flag, range, NaN, future) stays invalid with every other rule and row around
     * it: more rules firing never make a value valid.
     */
    @Property(tries = 200)
    void moreRulesNeverMakeAValueValid(@ForAll("packets") List<List<ObservationRow>> packets) {
        QualityControl inSequence = fresh();
        for (List<ObservationRow> p : packets) {
            QcResult together = inSequence.check(Medium.AIR, p, NOW);
            for (int i = 0; i < p.size(); i++) {
                QcResult alone = fresh().check(Medium.AIR, List.of(p.get(i)), NOW);
                if (!alone.valid(0)) {
                    assertThat(together.valid(i)).as("%s", p.get(i)).isFalse();
                }
                // every code of the lone check is kept
                assertThat(together.mask(i) & alone.mask(0)).isEqualTo(alone.mask(0));
                assertThat(together.valid(i)).isEqualTo(QcCode.isValid(together.mask(i)));
                assertThat(together.verdict(i).valid()).isEqualTo(together.valid(i));
            }
        }
    }

    @Property(tries = 200)
    void verdictsAreDeterministicForTheSameOrder(@ForAll("packets") List<List<ObservationRow>> packets) {
        QualityControl a = fresh();
        QualityControl b = fresh();
        for (List<ObservationRow> p : packets) {
            assertThat(a.check(Medium.AIR, p, NOW)).isEqualTo(b.check(Medium.AIR, p, NOW));
        }
    }

    @Property(tries = 300)
    void encodingRoundTrips(@ForAll @Size(max = 8) List<QcCode> codes) {
        long m = QcCode.toMask(codes);
        QcVerdict v = QcVerdict.of(m);
        assertThat(QcVerdict.decode(v.encode())).isEqualTo(v);
        assertThat(QcCode.decode(QcCode.encode(m))).isEqualTo(m);
        assertThat(v.valid()).isEqualTo(codes.stream().noneMatch(QcCode::invalidates));
    }
}
