package org.envmon.sources;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import org.envmon.hj212.Hj212Decoder;
import org.envmon.hj212.Hj212Packet;
import org.envmon.hj212.Hj212Result;
import org.envmon.hj212.PollutantData;
import org.envmon.hj212.ValueField;
import org.envmon.sources.fluegas.ConvertedConcentration;
import org.envmon.sources.fluegas.DeviceFigureCheck;
import org.envmon.sources.fluegas.ImpliedReferenceTally;
import org.envmon.sources.fluegas.ReferenceOxygen;
import org.envmon.sources.screening.FlueGasHourSignal;
import org.envmon.testkit.SharedData;
import org.junit.jupiter.api.Test;

/**
 * The figures the devices of a real collector's day (2016-08-24, HJ 212 re-framed) computed themselves, recomputed:
 * the reference O2 each flue-gas outlet's converted concentrations imply, the converted hourly means with that
 * reference, and the hourly emission amounts of flue gas and waste water. The demo's slice always runs;
 * the whole day runs where {@code ../shared} is present.
 */
class DeviceFiguresOnTheRealCaptureTest {

    /** The demo's slice (demo/README.md): six outlets' hourly frames of the same day. */
    private static final Path SLICE = Path.of("..", "demo", "hj212-sources-2016-08-24.txt");
    private static final String O2 = "a19001";
    private static final String FLUE_GAS_FLOW = "a00000";
    private static final String WATER_FLOW = "w00000";
    private static final List<String> FLUE_GAS_POLLUTANTS = List.of("a34013", "a21026", "a21002");
    private static final List<String> WATER_POLLUTANTS = List.of("w01018", "w21003");

    /** One outlet-hour (CN 2061): its pollutants by HJ 212-2017 code. */
    private record Hour(String mn, String st, Map<String, PollutantData> byCode) {
        Double get(String code, ValueField f) {
            PollutantData p = byCode.get(code);
            return p == null ? null : p.getBoxed(f);
        }
    }

    /** Compared pairs of figures and the agreeing ones. */
    private static final class Pairs {
        int compared;
        int agreeing;

        void add(boolean agrees) {
            compared++;
            agreeing += agrees ? 1 : 0;
        }

        @Override
        public String toString() {
            return agreeing + "/" + compared;
        }
    }

    /** What the recomputation found. */
    private record Report(int outlets, Map<String, Optional<ReferenceOxygen>> references, Pairs converted,
                          Pairs flueGasAmounts, Pairs waterAmounts, Map<FlueGasHourSignal, Set<String>> signalled,
                          Map<FlueGasHourSignal, Integer> signalHours) {
        int outletsWithAStandardReference() {
            return (int) references.values().stream().filter(Optional::isPresent).count();
        }

        @Override
        public String toString() {
            return String.format("flue-gas outlets %d, with a standard reference %d; converted hourly means agreeing "
                    + "%s; flue-gas amounts agreeing %s; waste-water amounts agreeing %s; hours (outlets) signalled %s "
                    + "(%s)", outlets, outletsWithAStandardReference(), converted, flueGasAmounts, waterAmounts,
                    signalHours, signalled.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().size())
                            .toList());
        }
    }

    @Test
    void theSliceOfSixOutlets() throws IOException {
        Report r;
        try (InputStream in = Files.newInputStream(SLICE)) {
            r = recompute(hours(in));
        }
        System.out.println("real capture slice: " + r);
        assertThat(r.outlets()).isEqualTo(5);
        assertThat(r.outletsWithAStandardReference()).isEqualTo(4);
        assertThat(r.references()).containsEntry("LD130121000134", Optional.of(ReferenceOxygen.COAL_FIRED_POWER_BOILER))
                .containsEntry("LD130131000044", Optional.of(ReferenceOxygen.OIL_OR_GAS_FIRED_INDUSTRIAL_BOILER))
                .containsEntry("LD130107000226", Optional.of(ReferenceOxygen.WASTE_INCINERATOR))
                // implies 9.3 % hour after hour: a 9 % boiler whose device converts with a slightly different O2
                .containsEntry("LD130133000461", Optional.of(ReferenceOxygen.COAL_FIRED_INDUSTRIAL_BOILER))
                // implies 0 %: the device applies no standard's reference, a signal for the registry to check
                .containsEntry("LD130102000150", Optional.empty());
        assertThat(r.converted().compared).isGreaterThan(100);
        assertThat(r.converted().agreeing).isGreaterThanOrEqualTo(r.converted().compared * 9 / 10);
        assertThat(r.flueGasAmounts().compared).isGreaterThan(100);
        assertThat(r.flueGasAmounts().agreeing).isGreaterThanOrEqualTo(r.flueGasAmounts().compared * 99 / 100);
        assertThat(r.waterAmounts().compared).isEqualTo(44);
        assertThat(r.waterAmounts().agreeing).isEqualTo(44);
        // the outlet whose device implies 0 % reports O2 0.00 all day: no O2 analyser behind its figures
        assertThat(r.signalled()).containsOnlyKeys(FlueGasHourSignal.O2_IMPLAUSIBLY_LOW);
        assertThat(r.signalled().get(FlueGasHourSignal.O2_IMPLAUSIBLY_LOW)).containsExactly("LD130102000150");
        assertThat(r.signalHours()).containsEntry(FlueGasHourSignal.O2_IMPLAUSIBLY_LOW, 22);
    }

    @Test
    void theWholeDay() throws IOException {
        var file = SharedData.require("hj212/real-capture-2016/capture-2016-08-24-as-hj212-2017.txt.gz");
        Report r;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16)) {
            r = recompute(hours(in));
        }
        System.out.println("real capture, whole day: " + r);
        assertThat(r.outlets()).isGreaterThan(100);
        assertThat(r.outletsWithAStandardReference()).isGreaterThan(r.outlets() / 2);
        assertThat(r.converted().agreeing).isGreaterThanOrEqualTo(r.converted().compared * 90 / 100);
        assertThat(r.flueGasAmounts().agreeing).isGreaterThanOrEqualTo(r.flueGasAmounts().compared * 99 / 100);
        assertThat(r.waterAmounts().agreeing).isGreaterThanOrEqualTo(r.waterAmounts().compared * 85 / 100);
        // discharging air: 60 hours of 8 outlets (the hours at ambient O2 without flue gas are stopped facilities);
        // no O2 analyser behind the figures: 284 hours of 14 outlets
        assertThat(r.signalHours()).containsEntry(FlueGasHourSignal.O2_NEAR_AMBIENT, 60)
                .containsEntry(FlueGasHourSignal.O2_IMPLAUSIBLY_LOW, 284);
        assertThat(r.signalled().get(FlueGasHourSignal.O2_NEAR_AMBIENT)).hasSize(8);
        assertThat(r.signalled().get(FlueGasHourSignal.O2_IMPLAUSIBLY_LOW)).hasSize(14);
    }

    /** The hourly (CN 2061) flue-gas and waste-water frames that decode; the rest of the day is skipped. */
    private static List<Hour> hours(InputStream in) throws IOException {
        Hj212Decoder decoder = new Hj212Decoder();
        List<Hour> hours = new ArrayList<>();
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1));
        for (String line; (line = lines.readLine()) != null; ) {
            if (!line.contains("CN=2061")) {
                continue;
            }
            Hj212Result result = decoder.decode(line.getBytes(StandardCharsets.ISO_8859_1));
            if (!result.isAccepted()) {
                continue;
            }
            Hj212Packet p = result.packet();
            if (!"31".equals(p.st()) && !"32".equals(p.st())) {
                continue;
            }
            Map<String, PollutantData> byCode = new HashMap<>();
            p.pollutants().forEach(d -> byCode.put(d.code(), d));
            hours.add(new Hour(p.mn(), p.st(), byCode));
        }
        return hours;
    }

    private static Report recompute(List<Hour> hours) {
        Map<String, ImpliedReferenceTally> tallies = new HashMap<>();
        Map<FlueGasHourSignal, Set<String>> signalled = new EnumMap<>(FlueGasHourSignal.class);
        Map<FlueGasHourSignal, Integer> signalHours = new EnumMap<>(FlueGasHourSignal.class);
        for (Hour h : hours) {
            Double o2 = h.get(O2, ValueField.AVG);
            if (!"31".equals(h.st()) || o2 == null) {
                continue;
            }
            for (FlueGasHourSignal signal : FlueGasHourSignal.of(o2, h.get(FLUE_GAS_FLOW, ValueField.COU))) {
                signalled.computeIfAbsent(signal, k -> new TreeSet<>()).add(h.mn());
                signalHours.merge(signal, 1, Integer::sum);
            }
            ImpliedReferenceTally tally = tallies.computeIfAbsent(h.mn(), k -> new ImpliedReferenceTally());
            for (String code : FLUE_GAS_POLLUTANTS) {
                Double measured = h.get(code, ValueField.AVG);
                Double device = h.get(code, ValueField.ZS_AVG);
                if (measured != null && device != null) {
                    tally.add(measured, device, o2);
                }
            }
        }
        Map<String, Optional<ReferenceOxygen>> references = new HashMap<>();
        tallies.forEach((mn, t) -> references.put(mn, t.majority()));
        Pairs converted = new Pairs();
        Pairs flueGasAmounts = new Pairs();
        Pairs waterAmounts = new Pairs();
        for (Hour h : hours) {
            boolean flueGas = "31".equals(h.st());
            Optional<ReferenceOxygen> ref = references.getOrDefault(h.mn(), Optional.empty());
            Double volume = h.get(flueGas ? FLUE_GAS_FLOW : WATER_FLOW, ValueField.COU);
            for (String code : flueGas ? FLUE_GAS_POLLUTANTS : WATER_POLLUTANTS) {
                Double measured = h.get(code, ValueField.AVG);
                Double device = h.get(code, ValueField.ZS_AVG);
                if (ref.isPresent() && device != null && ConvertedConcentration.of(measured,
                        h.get(O2, ValueField.AVG), ref.get()) instanceof ConvertedConcentration.Converted c) {
                    converted.add(DeviceFigureCheck.agrees(c.value(), device));
                }
                Double deviceAmount = h.get(code, ValueField.COU);
                Double amount = flueGas ? EmissionAmount.flueGasAmount(measured, volume)
                        : EmissionAmount.wasteWaterAmount(measured, volume);
                if (deviceAmount != null && amount != null) {
                    (flueGas ? flueGasAmounts : waterAmounts).add(DeviceFigureCheck.agrees(amount, deviceAmount));
                }
            }
        }
        return new Report(tallies.size(), references, converted, flueGasAmounts, waterAmounts, signalled,
                signalHours);
    }
}
