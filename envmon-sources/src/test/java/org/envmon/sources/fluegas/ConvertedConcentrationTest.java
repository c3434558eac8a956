package org.envmon.sources.fluegas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.envmon.sources.fluegas.ConvertedConcentration.Converted;
import org.envmon.sources.fluegas.ConvertedConcentration.Reason;
import org.envmon.sources.fluegas.ConvertedConcentration.Undefined;
import org.junit.jupiter.api.Test;

class ConvertedConcentrationTest {

    private static double value(ConvertedConcentration.Result r) {
        assertThat(r).isInstanceOf(Converted.class);
        return ((Converted) r).value();
    }

    @Test
    void aCoalFiredPowerBoilerIsConvertedToSixPercent() {
        // Hand-computed: 30 × (21 − 6) / (21 − 8) = 34.615…
        assertThat(value(ConvertedConcentration.of(30.0, 8.0, ReferenceOxygen.COAL_FIRED_POWER_BOILER)))
                .isCloseTo(34.615_384_6, within(1e-6));
    }

    @Test
    void aRealHourAgreesWithTheDevicesOwnConversion() {
        // LD130132000457, 2016-08-24 00:00 (real capture): SO2 -Avg 3.46, O2 (S01) -Avg 8.93, device -ZsAvg 4.29.
        double platform = value(ConvertedConcentration.of(3.46, 8.93, ReferenceOxygen.COAL_FIRED_POWER_BOILER));
        assertThat(platform).isCloseTo(4.2999, within(1e-4));
        assertThat(DeviceFigureCheck.agrees(platform, 4.29)).isTrue();
    }

    @Test
    void eachFacilityKindHasItsStandardsReference() {
        assertThat(ReferenceOxygen.COAL_FIRED_POWER_BOILER.percent()).isEqualTo(6.0);
        assertThat(ReferenceOxygen.OIL_OR_GAS_FIRED_POWER_BOILER.percent()).isEqualTo(3.0);
        assertThat(ReferenceOxygen.GAS_TURBINE.percent()).isEqualTo(15.0);
        assertThat(ReferenceOxygen.COAL_FIRED_INDUSTRIAL_BOILER.percent()).isEqualTo(9.0);
        assertThat(ReferenceOxygen.OIL_OR_GAS_FIRED_INDUSTRIAL_BOILER.percent()).isEqualTo(3.5);
        assertThat(ReferenceOxygen.WASTE_INCINERATOR.percent()).isEqualTo(11.0);
        assertThat(ReferenceOxygen.GAS_TURBINE.basis().standard()).isEqualTo("GB 13223-2011");
        assertThat(ReferenceOxygen.parse("waste-incinerator")).contains(ReferenceOxygen.WASTE_INCINERATOR);
        assertThat(ReferenceOxygen.parse("boiler")).isEmpty();
        for (ReferenceOxygen r : ReferenceOxygen.values()) {
            assertThat(ReferenceOxygen.parse(r.kind())).contains(r);
            assertThat(ReferenceOxygen.kinds()).contains(r.kind());
        }
        assertThat(ReferenceOxygen.GAS_TURBINE.kind()).isEqualTo("gas-turbine");
    }

    private static Undefined undefined(Reason why) {
        return new Undefined(why);
    }

    @Test
    void oxygenAtOrAboveAmbientIsFlaggedNeverDivided() {
        assertThat(ConvertedConcentration.of(50.0, 21.0, 6.0)).isEqualTo(undefined(Reason.OXYGEN_AT_OR_ABOVE_AMBIENT));
        assertThat(ConvertedConcentration.of(50.0, 23.5, 6.0)).isEqualTo(undefined(Reason.OXYGEN_AT_OR_ABOVE_AMBIENT));
        assertThat(ConvertedConcentration.of(50.0, -0.1, 6.0)).isEqualTo(undefined(Reason.OXYGEN_NEGATIVE));
        assertThat(ConvertedConcentration.of(-1.0, 8.0, 6.0)).isEqualTo(undefined(Reason.MEASURED_NEGATIVE));
    }

    @Test
    void missingInputsMakeTheFigureMissingNotZero() {
        assertThat(ConvertedConcentration.of(null, 8.0, 6.0)).isEqualTo(undefined(Reason.MEASURED_MISSING));
        assertThat(ConvertedConcentration.of(30.0, null, 6.0)).isEqualTo(undefined(Reason.OXYGEN_MISSING));
        assertThat(ConvertedConcentration.of(Double.NaN, 8.0, 6.0)).isEqualTo(undefined(Reason.MEASURED_MISSING));
    }

    @Test
    void anImpossibleReferenceIsAProgrammingError() {
        assertThatThrownBy(() -> ConvertedConcentration.of(1.0, 8.0, 21.0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ConvertedConcentration.of(1.0, 8.0, -1.0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void moreOxygenMeansAHigherConvertedConcentration(@ForAll @DoubleRange(min = 0.01, max = 10_000) double measured,
            @ForAll @DoubleRange(min = 0, max = 20.9) double o2, @ForAll @DoubleRange(min = 0, max = 20.9) double other,
            @ForAll ReferenceOxygen ref) {
        double lo = Math.min(o2, other);
        double hi = Math.max(o2, other);
        assertThat(value(ConvertedConcentration.of(measured, hi, ref)))
                .isGreaterThanOrEqualTo(value(ConvertedConcentration.of(measured, lo, ref)));
    }

    @Property
    void atTheReferenceTheMeasuredValueStands(@ForAll @DoubleRange(min = 0, max = 10_000) double measured,
            @ForAll ReferenceOxygen ref) {
        assertThat(value(ConvertedConcentration.of(measured, ref.percent(), ref))).isCloseTo(measured,
                within(1e-9 * Math.max(1, measured)));
    }

    @Property
    void theImpliedReferenceRecoversTheOneApplied(@ForAll @DoubleRange(min = 1, max = 5_000) double measured,
            @ForAll @DoubleRange(min = 0, max = 20) double o2, @ForAll ReferenceOxygen ref) {
        double converted = value(ConvertedConcentration.of(measured, o2, ref));
        double implied = DeviceFigureCheck.impliedReferenceOxygen(measured, converted, o2).orElseThrow();
        assertThat(implied).isCloseTo(ref.percent(), within(1e-6));
        assertThat(DeviceFigureCheck.standardReference(implied)).contains(ref);
    }
}
