package org.envmon.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class EmissionAmountTest {

    @Test
    void anHoursSulphurDioxideFromTheRealCapture() {
        // LD130132000457, 2016-08-24 00:00: SO2 -Avg 3.46 mg/m³, flow B02-Cou 111,091.24 m³; the device sent 0.38 kg.
        assertThat(EmissionAmount.flueGasAmount(3.46, 111_091.24)).isCloseTo(0.384_376, within(1e-6));
    }

    @Test
    void aRateIsConcentrationTimesHourlyFlow() {
        // 35 mg/m³ × 1,000,000 m³/h = 35 kg/h
        assertThat(EmissionAmount.flueGasAmount(35.0, 1_000_000.0)).isCloseTo(35.0, within(1e-9));
    }

    @Test
    void aWasteWaterLoadIsConcentrationTimesVolume() {
        // LD130102000119, 2016-08-24 00:00: COD 123.17 mg/L × 22.65 m³ = 2.79 kg; the device sent 2.8.
        assertThat(EmissionAmount.wasteWaterAmount(123.17, 22.65)).isCloseTo(2.789_800_5, within(1e-6));
        assertThat(EmissionAmount.tonnes(2_500.0)).isEqualTo(2.5);
    }

    @Test
    void missingOrNegativeInputsGiveNoAmount() {
        assertThat(EmissionAmount.flueGasAmount(null, 10.0)).isNull();
        assertThat(EmissionAmount.flueGasAmount(10.0, null)).isNull();
        assertThat(EmissionAmount.flueGasAmount(-1.0, 10.0)).isNull();
        assertThat(EmissionAmount.wasteWaterAmount(Double.NaN, 10.0)).isNull();
    }

    @Property
    void amountsAddOverHours(@ForAll @DoubleRange(min = 0, max = 5_000) double c,
            @ForAll @DoubleRange(min = 0, max = 2e6) double v1, @ForAll @DoubleRange(min = 0, max = 2e6) double v2) {
        double whole = EmissionAmount.flueGasAmount(c, v1 + v2);
        assertThat(whole).isCloseTo(EmissionAmount.flueGasAmount(c, v1) + EmissionAmount.flueGasAmount(c, v2),
                within(1e-9 * Math.max(1, whole)));
        double water = EmissionAmount.wasteWaterAmount(c, v1 + v2);
        assertThat(water).isCloseTo(EmissionAmount.wasteWaterAmount(c, v1) + EmissionAmount.wasteWaterAmount(c, v2),
                within(1e-9 * Math.max(1, water)));
    }
}
