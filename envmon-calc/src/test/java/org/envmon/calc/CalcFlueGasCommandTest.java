package org.envmon.calc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code envmon calc flue-gas} end to end: converted values, rates, O2 at ambient, bad cells and options. */
class CalcFlueGasCommandTest {

    private static CalcTestSupport.Result run(String stdin, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "flue-gas";
        System.arraycopy(args, 0, all, 1, args.length);
        return CalcTestSupport.run(stdin, all);
    }

    @Test
    void convertsToTheFacilitysReferenceAndComputesRates() {
        // LD130132000457 at 00:00 on 2016-08-24 (real capture): O2 8.93 %, SO2 3.46, NOx 39.48 mg/m³, 111,091.24 m³
        // in the hour; the device sent converted means 4.29 and 49.11 and amounts 0.38 and 4.386 kg.
        var r = run("outlet,o2,so2,nox,flow\nLD130132000457,8.93,3.46,39.48,111091.24\nX,21,10,20,1000\n"
                + "Y,,10,20,\n", "--facility", "coal-fired-power-boiler");
        assertThat(r.exit()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.lines()).containsExactly(
                "outlet,o2,so2,nox,flow,so2_converted,nox_converted,so2_kg_h,nox_kg_h,reference_o2,note",
                "LD130132000457,8.93,3.46,39.48,111091.24,4.2999,49.0638,0.3844,4.3859,6,",
                "X,21,10,20,1000,,,0.01,0.02,6,o2 at or above 21 %: not converted",
                "Y,,10,20,,,,,,6,o2 missing: not converted");
    }

    @Test
    void theFlowIsComputedFromTheStackAtTheStandardStateOnADryBasis() {
        // Hand-computed (StandardDryFlowTest): 3.14 m², 15 m/s, 120 °C, 100.825 kPa, 8 % → 107,846.4312 m³/h;
        // 35 mg/m³ × that = 3.7746 kg/h.
        var r = run("o2,so2,velocity,area,temperature,pressure,moisture\n6,35,15,3.14,120,100.825,8\n"
                + "6,35,15,3.14,120,100.825,100\n6,35,,3.14,120,100.825,8\n", "--facility", "coal-fired-power-boiler");
        assertThat(r.exit()).isEqualTo(CsvCalc.EXIT_BAD_INPUT);
        assertThat(r.err()).contains(":3:7 (moisture): not below 100 %");
        assertThat(r.lines()).containsExactly(
                "o2,so2,velocity,area,temperature,pressure,moisture,so2_converted,flow_std_dry,so2_kg_h,reference_o2,"
                        + "note",
                "6,35,15,3.14,120,100.825,8,35,107846.4312,3.7746,6,",
                "6,35,15,3.14,120,100.825,100,,,,,",
                "6,35,,3.14,120,100.825,8,35,,,6,");
    }

    @Test
    void convertedValuesAboveALimitShowTheirMultiple() {
        // 40 × 15 / 12 = 50 against 35: (50 − 35) / 35 = 0.43; 28 × 15 / 12 = 35 is the limit itself and complies.
        var r = run("o2,so2,nox\n9,40,28\n9,28,80\n21,99,99\n", "--facility", "coal-fired-power-boiler",
                "--limit", "so2=35", "--limit", "nox=50");
        assertThat(r.exit()).isZero();
        assertThat(r.lines()).containsExactly("o2,so2,nox,so2_converted,nox_converted,so2_exceedance,nox_exceedance,"
                        + "reference_o2,note",
                "9,40,28,50,35,0.43,,6,", "9,28,80,35,100,,1.00,6,",
                "21,99,99,,,,,6,o2 at or above 21 %: not converted");
        assertThat(run("o2,so2\n9,1\n", "--facility", "gas-turbine", "--limit", "co=10").err()).contains("--limit");
        assertThat(run("o2,so2\n9,1\n", "--facility", "gas-turbine", "--limit", "so2=0").exit()).isEqualTo(2);
        assertThat(run("o2,so2\n9,1\n", "--facility", "gas-turbine", "--limit", "so2=x").exit()).isEqualTo(2);
    }

    @Test
    void aReferenceCanBeGivenDirectly() {
        var r = run("o2,particulate\n11,8\n", "--reference-o2", "11");
        assertThat(r.exit()).isZero();
        assertThat(r.lines()).containsExactly("o2,particulate,particulate_converted,reference_o2,note",
                "11,8,8,11,");
    }

    @Test
    void badCellsAreReportedWithLineAndColumnAndTheRowKept() {
        var r = run("o2,so2\n8,-1\n120,5\nabc,5\n9,30\n", "--facility", "waste-incinerator");
        assertThat(r.exit()).isEqualTo(CsvCalc.EXIT_BAD_INPUT);
        assertThat(r.err()).contains(":2:2 (so2): negative value").contains(":3:1 (o2): above 100 %")
                .contains(":4:1 (o2): not a number");
        assertThat(r.lines()).hasSize(5).last().isEqualTo("9,30,25,11,");
    }

    @Test
    void exactlyOneReferenceOptionAndAKnownFacility() {
        assertThat(run("o2,so2\n8,1\n").exit()).isEqualTo(2);
        assertThat(run("o2,so2\n8,1\n", "--facility", "kiln").err()).contains("--facility").contains("kiln");
        assertThat(run("o2,so2\n8,1\n", "--reference-o2", "21").err()).contains("--reference-o2");
        assertThat(run("o2,so2\n8,1\n", "--facility", "gas-turbine", "--reference-o2", "15").exit()).isEqualTo(2);
    }
}
