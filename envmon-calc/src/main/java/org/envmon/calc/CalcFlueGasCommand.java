package org.envmon.calc;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.envmon.sources.EmissionAmount;
import org.envmon.sources.fluegas.ConvertedConcentration;
import org.envmon.sources.fluegas.ReferenceOxygen;
import org.envmon.sources.fluegas.StandardDryFlow;
import org.envmon.sources.permit.AveragingPeriod;
import org.envmon.sources.permit.ConcentrationLimit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code envmon calc flue-gas}: converted concentrations (折算浓度) at the facility's reference oxygen and, with a flow,
 * emission rates, per CSV row (one outlet-hour or minute). Rules: {@link ConvertedConcentration},
 * {@link StandardDryFlow}, {@link EmissionAmount}; CSV conventions: {@link CsvCalc}. O2 at or above 21 % is not an
 * input error: the row's figures stay empty and {@code note} says why.
 */
@Command(name = "flue-gas", mixinStandardHelpOptions = true,
        description = {"Flue-gas concentrations converted to the reference O2, and emission rates, for each CSV row.",
            "Columns: o2 (% in dry gas), any of particulate,so2,nox,hg (measured, mg/m3 dry at the standard "
                + "state), optional flow (standard-state dry flow, m3/h), or instead of flow the stack's velocity "
                + "(m/s), area (m2), temperature (C), pressure (absolute, kPa) and moisture (% water vapour).",
            "Appends <pollutant>_converted..., <pollutant>_exceedance... (with --limit), flow_std_dry (from the "
                + "stack's columns), <pollutant>_kg_h... (with a flow), reference_o2, note."})
public class CalcFlueGasCommand implements Callable<Integer> {

    static final List<String> POLLUTANTS = List.of("particulate", "so2", "nox", "hg");
    /** The stack's columns from which the standard-state dry flow is computed when no flow is given. */
    static final List<String> STACK = List.of("velocity", "area", "temperature", "pressure", "moisture");
    /** Output precision: four decimals, half-even, trailing zeros dropped (Hg limits are 0.03 mg/m³). */
    private static final int DECIMALS = 4;

    @Spec
    CommandSpec spec;

    @Option(names = "--facility", paramLabel = "KIND", description = "Facility kind, setting the reference O2: "
            + "coal-fired-power-boiler (6), oil-or-gas-fired-power-boiler (3), gas-turbine (15), "
            + "coal-fired-industrial-boiler (9), oil-or-gas-fired-industrial-boiler (3.5), waste-incinerator (11).")
    String facility;

    @Option(names = "--reference-o2", paramLabel = "PERCENT", description = "Reference O2 (%) instead of --facility.")
    String referenceOxygen;

    @Option(names = "--limit", paramLabel = "POLLUTANT=MG_M3", description = "A limit for the converted "
            + "concentration, e.g. so2=35 (repeatable): <pollutant>_exceedance is the multiple (C - L) / L of a value "
            + "above it, empty when it complies.")
    Map<String, String> limits = new LinkedHashMap<>();

    @Mixin
    CsvInput input = new CsvInput();

    @Override
    public Integer call() throws Exception {
        double reference = reference();
        Map<String, ConcentrationLimit> limitOf = limits();
        try (CsvCalc csv = input.open(spec, "flue-gas")) {
            List<String> given = POLLUTANTS.stream().filter(csv::hasColumn).toList();
            List<String> limited = given.stream().filter(limitOf::containsKey).toList();
            boolean fromStack = !csv.hasColumn("flow") && STACK.stream().allMatch(csv::hasColumn);
            boolean withFlow = csv.hasColumn("flow") || fromStack;
            List<String> results = new ArrayList<>();
            given.forEach(p -> results.add(p + "_converted"));
            limited.forEach(p -> results.add(p + "_exceedance"));
            if (fromStack) {
                results.add("flow_std_dry");
            }
            if (withFlow) {
                given.forEach(p -> results.add(p + "_kg_h"));
            }
            results.add("reference_o2");
            results.add("note");
            csv.writeHeader(results);
            for (CsvCalc.Row row : csv) {
                BigDecimal o2 = row.nonNegativeDecimal("o2");
                if (o2 != null && o2.compareTo(BigDecimal.valueOf(100)) > 0) {
                    row.error("o2", "above 100 %: " + o2.toPlainString());
                }
                List<Double> measured = new ArrayList<>();
                for (String p : given) {
                    measured.add(asDouble(row.nonNegativeDecimal(p)));
                }
                Double flow = fromStack ? stackFlow(row)
                        : withFlow ? asDouble(row.nonNegativeDecimal("flow")) : null;
                if (row.hasErrors()) {
                    csv.writeEmptyResults(row);
                    continue;
                }
                List<Object> cells = new ArrayList<>();
                Map<String, Double> converted = new HashMap<>();
                String note = null;
                for (int i = 0; i < given.size(); i++) {
                    ConvertedConcentration.Result r = ConvertedConcentration.of(measured.get(i), asDouble(o2),
                            reference);
                    if (r instanceof ConvertedConcentration.Converted c) {
                        converted.put(given.get(i), c.value());
                        cells.add(plain(c.value()));
                    } else {
                        cells.add(null);
                        ConvertedConcentration.Reason why = ((ConvertedConcentration.Undefined) r).reason();
                        note = why == ConvertedConcentration.Reason.MEASURED_MISSING ? note : describe(why);
                    }
                }
                for (String p : limited) {
                    Double c = converted.get(p);
                    cells.add(c == null ? null : limitOf.get(p).check(c).map(e -> BigDecimal.valueOf(e.multiple())
                            .setScale(2, RoundingMode.HALF_EVEN).toPlainString()).orElse(null));
                }
                if (fromStack) {
                    cells.add(flow == null ? null : plain(flow));
                }
                if (withFlow) {
                    for (Double m : measured) {
                        Double rate = EmissionAmount.flueGasAmount(m, flow); // m³/h of flow gives kg/h
                        cells.add(rate == null ? null : plain(rate));
                    }
                }
                cells.add(plain(reference));
                cells.add(note);
                csv.write(row, cells);
            }
            return csv.exitCode();
        }
    }

    /** The --limit options by pollutant column; a bad one is a usage error. */
    private Map<String, ConcentrationLimit> limits() {
        Map<String, ConcentrationLimit> out = new HashMap<>();
        for (Map.Entry<String, String> e : limits.entrySet()) {
            if (!POLLUTANTS.contains(e.getKey())) {
                throw CsvCalc.invalidOption(spec, "--limit", e.getKey() + "=" + e.getValue(),
                        "one of " + String.join(",", POLLUTANTS) + " = a positive number");
            }
            try {
                out.put(e.getKey(), new ConcentrationLimit(e.getKey(), "--limit", Double.parseDouble(e.getValue()),
                        AveragingPeriod.HOUR));
            } catch (IllegalArgumentException bad) { // NumberFormatException is one
                throw CsvCalc.invalidOption(spec, "--limit", e.getKey() + "=" + e.getValue(), "a positive number");
            }
        }
        return out;
    }

    private double reference() {
        if ((facility == null) == (referenceOxygen == null)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "Give exactly one of --facility and --reference-o2");
        }
        if (facility != null) {
            return ReferenceOxygen.parse(facility).map(ReferenceOxygen::percent).orElseThrow(() -> CsvCalc
                    .invalidOption(spec, "--facility", facility, "one of " + ReferenceOxygen.kinds()));
        }
        try {
            double r = Double.parseDouble(referenceOxygen.trim());
            if (r >= 0 && r < ConvertedConcentration.AMBIENT_OXYGEN) {
                return r;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw CsvCalc.invalidOption(spec, "--reference-o2", referenceOxygen, "a percentage from 0 to below 21");
    }

    /** Standard-state dry flow (m³/h) from the stack's columns; bad cells are reported, missing ones give none. */
    private static Double stackFlow(CsvCalc.Row row) {
        Double velocity = asDouble(row.nonNegativeDecimal("velocity"));
        Double area = asDouble(row.nonNegativeDecimal("area"));
        Double temperature = asDouble(row.decimal("temperature"));
        Double pressureKpa = asDouble(row.nonNegativeDecimal("pressure"));
        Double moisture = asDouble(row.nonNegativeDecimal("moisture"));
        if (moisture != null && moisture >= 100) {
            row.error("moisture", "not below 100 %: " + moisture);
            return null;
        }
        return StandardDryFlow.of(StandardDryFlow.actualFlow(area, velocity), temperature,
                pressureKpa == null ? null : pressureKpa * 1000, moisture);
    }

    private static String describe(ConvertedConcentration.Reason why) {
        return switch (why) {
            case OXYGEN_AT_OR_ABOVE_AMBIENT -> "o2 at or above 21 %: not converted";
            case OXYGEN_MISSING -> "o2 missing: not converted";
            default -> why.name().toLowerCase().replace('_', ' ');
        };
    }

    private static Double asDouble(BigDecimal v) {
        return v == null ? null : v.doubleValue();
    }

    private static String plain(double v) {
        return BigDecimal.valueOf(v).setScale(DECIMALS, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    }
}
