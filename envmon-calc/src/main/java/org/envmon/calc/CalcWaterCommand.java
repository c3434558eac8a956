package org.envmon.calc;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.envmon.standards.water.Exceedance;
import org.envmon.standards.water.SectionClassResult;
import org.envmon.standards.water.SurfaceWaterClassification;
import org.envmon.standards.water.WaterClass;
import org.envmon.standards.water.WaterParameter;
import org.envmon.standards.water.Waterbody;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code envmon calc water}: GB 3838-2002 class of each CSV row (one sample of one section), with the item selection
 * of the routine method 环办〔2011〕22号. Rules: {@link SurfaceWaterClassification}; CSV conventions: {@link CsvCalc}.
 *
 * <p>Output columns: {@code class} (I … V, 劣V; empty when no routine parameter is given), {@code class_<column>} for
 * each parameter column of the input (TN and fecal coliform too, although they do not set the class),
 * {@code exceeding} ({@code column:multiple;…}, routine "≤" parameters worse than class III, largest multiple
 * first, multiples to two decimals half-even; pH and DO have no multiple), {@code edition} (always {@code 2002}:
 * GB 3838 has one edition; {@code --edition} is accepted for symmetry with the other calc commands).
 * Values are classified as given, without rounding.
 */
@Command(name = "water", mixinStandardHelpOptions = true,
        description = {"Surface water class (GB 3838-2002; routine evaluation items) for each CSV row.",
            "Columns (any of): ph,do,codmn,cod,bod5,nh3n,tp,tn,cu,zn,f,se,as,hg,cd,cr6,pb,cn,phenol,petroleum,las,"
                + "s2,fecal_coliform (mg/L; pH dimensionless; fecal coliform per L). Empty cell = missing.",
            "Appends class,class_<column>...,exceeding,edition. TN and fecal coliform are classified but do not set "
                + "the class."})
public class CalcWaterCommand implements Callable<Integer> {

    /** The only edition of GB 3838, written in the {@code edition} column. */
    static final String EDITION = "2002";

    @Spec
    CommandSpec spec;

    @Option(names = "--waterbody", required = true, paramLabel = "river|lake",
            description = "river, or lake (lakes and reservoirs: stricter TP limits).")
    String waterbody;

    @Option(names = "--edition", paramLabel = "2012|2026",
            description = "Accepted for symmetry with the other calc commands; GB 3838 has one edition (2002).")
    String edition;

    @Mixin
    CsvInput input = new CsvInput();

    @Override
    public Integer call() throws Exception {
        Waterbody body = Waterbody.parse(waterbody)
                .orElseThrow(() -> CsvCalc.invalidOption(spec, "--waterbody", waterbody, "river|lake"));
        if (edition != null && !List.of("2012", "2026", "2002").contains(edition.trim())) {
            throw CsvCalc.invalidOption(spec, "--edition", edition, "2012|2026");
        }
        try (CsvCalc csv = input.open(spec, "water")) {
            List<WaterParameter> given = new ArrayList<>();
            for (WaterParameter p : WaterParameter.values()) {
                if (csv.hasColumn(p.column())) {
                    given.add(p);
                }
            }
            List<String> results = new ArrayList<>();
            results.add("class");
            for (WaterParameter p : given) {
                results.add("class_" + p.column());
            }
            results.add("exceeding");
            results.add("edition");
            csv.writeHeader(results);
            for (CsvCalc.Row row : csv) {
                Map<WaterParameter, BigDecimal> values = new EnumMap<>(WaterParameter.class);
                for (WaterParameter p : given) {
                    BigDecimal v = row.nonNegativeDecimal(p.column());
                    if (v != null && p == WaterParameter.PH && v.compareTo(BigDecimal.valueOf(14)) > 0) {
                        row.error(p.column(), "pH above 14: " + v.toPlainString());
                        v = null;
                    }
                    if (v != null) {
                        values.put(p, v);
                    }
                }
                if (row.hasErrors()) {
                    csv.writeBadRow(row, EDITION);
                    continue;
                }
                SectionClassResult r = SurfaceWaterClassification.classifySection(values, body);
                List<Object> cells = new ArrayList<>();
                cells.add(r.sectionClass().map(WaterClass::label).orElse(null));
                for (WaterParameter p : given) {
                    cells.add(r.classOf(p).map(WaterClass::label).orElse(null));
                }
                cells.add(exceeding(r.exceedances()));
                cells.add(EDITION);
                csv.write(row, cells);
            }
            return csv.exitCode();
        }
    }

    /** {@code column:multiple} joined by {@code ;}, in the result's order (largest multiple first). */
    static String exceeding(List<Exceedance> exceedances) {
        return exceedances.stream()
                .map(e -> e.parameter().column() + ":" + e.multiple(2).toPlainString())
                .collect(Collectors.joining(";"));
    }
}
