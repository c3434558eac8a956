package org.envmon.calc;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.envmon.standards.air.AirEdition;
import org.envmon.standards.air.AirQualityEvaluation;
import org.envmon.standards.air.AirQualityEvaluation.DailyValues;
import org.envmon.standards.air.AirQualityEvaluation.ExceptionalEvents;
import org.envmon.standards.air.AirQualityEvaluation.PeriodEvaluation;
import org.envmon.standards.air.AirQualityEvaluation.PeriodStatistic;
import org.envmon.standards.air.CompositeIndex;
import org.envmon.standards.air.Gb3095Stage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code envmon calc air-annual}: HJ 663 annual statistics from one row per day. Rules:
 * {@link AirQualityEvaluation}; CSV conventions: {@link CsvCalc} (an aggregate command: input columns are not
 * passed through, since output rows are statistics, not input rows).
 */
@Command(name = "air-annual", mixinStandardHelpOptions = true,
        description = {"Annual ambient-air evaluation (HJ 663, GB 3095) from daily values.",
            "Input: date,so2,no2,pm10,pm25,co,o3_8h (daily means / O3 daily max 8-h; empty = invalid day), optional "
                + "o3_1h (daily max 1-h, 2012 daily AQI) and exceptional (non-empty = exceptional-event day, e.g. dust).",
            "Output: pollutant,valid_days,statistic,value,limit_class2,compliant,edition; statistics annual_mean, "
                + "p98/p95/p90, then rows for pollutant all: good_days_ratio, heavy_days_ratio (%), composite_index, composite_index_weighted.",
            "Edition: --edition, else by the last date (period-end rule), else 2026."})
public class CalcAirAnnualCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--edition", paramLabel = "2012|2026",
            description = "Edition to apply (default: the edition in force on the last date, else 2026).")
    String edition;

    @Option(names = "--exceptional", paramLabel = "exclude|include",
            description = "Exceptional-event days: exclude their PM10/PM2.5 or include them "
                    + "(default: exclude for 2026, include for 2012).")
    String exceptional;

    @Mixin
    CsvInput input = new CsvInput();

    static final List<String> COLUMNS = List.of("pollutant", "valid_days", "statistic", "value", "limit_class2",
            "compliant", "edition");

    @Override
    public Integer call() throws Exception {
        CsvCalc.EditionRule<AirEdition> rule = new CsvCalc.EditionRule<>(spec, edition, AirEdition::parse,
                "2012|2026", AirEdition::forHour, AirEdition::forDay, AirEdition.E2026);
        ExceptionalEvents policy = null;
        if (exceptional != null) {
            switch (exceptional.trim()) {
                case "exclude" -> policy = ExceptionalEvents.EXCLUDE_PARTICULATES;
                case "include" -> policy = ExceptionalEvents.INCLUDE;
                default -> throw CsvCalc.invalidOption(spec, "--exceptional", exceptional, "exclude|include");
            }
        }
        try (CsvCalc csv = input.open(spec, "air-annual")) {
            if (!csv.hasColumn("date")) {
                csv.error("line 1: missing required column 'date'");
            }
            List<DailyValues> days = new ArrayList<>();
            Set<LocalDate> seen = new HashSet<>();
            for (CsvCalc.Row row : csv) {
                Optional<LocalDate> date = row.date("date");
                if (date.isEmpty()) {
                    if (!row.hasErrors() && csv.hasColumn("date")) {
                        row.error("date", "missing date: row ignored");
                    }
                    continue;
                }
                if (!seen.add(date.get())) {
                    row.error("date", "duplicate date " + date.get() + ": row ignored");
                    continue;
                }
                String flag = row.text("exceptional");
                boolean ex = flag != null && !flag.equals("0") && !flag.equalsIgnoreCase("false")
                        && !flag.equalsIgnoreCase("no");
                days.add(new DailyValues(date.get(), row.nonNegativeDecimal("so2"), row.nonNegativeDecimal("no2"),
                        row.nonNegativeDecimal("pm10"), row.nonNegativeDecimal("pm25"), row.nonNegativeDecimal("co"),
                        row.nonNegativeDecimal("o3_8h"), row.nonNegativeDecimal("o3_1h"), ex));
            }
            LocalDate last = days.stream().map(DailyValues::date).max(LocalDate::compareTo).orElse(null);
            AirEdition ed = rule.named().orElse(last == null ? AirEdition.E2026 : AirEdition.forPeriodEnding(last));
            Gb3095Stage stage = Gb3095Stage.of(ed, last == null ? AirEdition.SWITCH_DAY : last);
            PeriodEvaluation ev = AirQualityEvaluation.evaluate(ed, stage, days,
                    policy != null ? policy : ExceptionalEvents.defaultFor(ed));
            csv.writeAggregateHeader(COLUMNS);
            for (PeriodStatistic s : ev.statistics()) {
                csv.writeRecord(List.of(s.key(), s.validDays(), s.statistic(), plain(s.value()),
                        s.limitClass2().toPlainString(), s.compliantClass2().map(String::valueOf).orElse(""),
                        ed.code()));
            }
            csv.writeRecord(row("all", ev.aqiValidDays(), "good_days_ratio", plain(ev.goodDaysRatio()), ed));
            csv.writeRecord(row("all", ev.aqiValidDays(), "heavy_days_ratio", plain(ev.heavyDaysRatio()), ed));
            csv.writeRecord(row("all", "", "composite_index", plain(ev.composite().total()), ed));
            CompositeIndex.Result weighted = CompositeIndex.compute(stage, reportedInputs(ev),
                    CompositeIndex.Weights.RANKING_2018);
            csv.writeRecord(row("all", "", "composite_index_weighted", plain(weighted.total()), ed));
            return csv.exitCode();
        }
    }

    private static List<Object> row(String pollutant, Object validDays, String statistic, String value,
            AirEdition ed) {
        List<Object> r = new ArrayList<>();
        r.add(pollutant);
        r.add(validDays);
        r.add(statistic);
        r.add(value);
        r.add("");
        r.add("");
        r.add(ed.code());
        return r;
    }

    /** C_i of the composite index from the period statistics (means; CO p95; O3 p90). */
    static java.util.Map<org.envmon.standards.air.Pollutant, BigDecimal> reportedInputs(PeriodEvaluation ev) {
        java.util.Map<org.envmon.standards.air.Pollutant, BigDecimal> m = new java.util.HashMap<>();
        for (PeriodStatistic s : ev.statistics()) {
            boolean use = s.statistic().equals("annual_mean")
                    || s.pollutant() == org.envmon.standards.air.Pollutant.CO
                    || s.pollutant() == org.envmon.standards.air.Pollutant.O3;
            if (use && s.value().isPresent()) {
                m.put(s.pollutant(), s.value().get());
            }
        }
        return m;
    }

    private static String plain(Optional<BigDecimal> v) {
        return v.map(BigDecimal::toPlainString).orElse("");
    }
}
