package org.envmon.calc;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.envmon.standards.air.AirEdition;
import org.envmon.standards.air.AirQualityIndex;
import org.envmon.standards.air.AqiLevel;
import org.envmon.standards.air.AqiResult;
import org.envmon.standards.air.AqiScope;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code envmon calc aqi}: HJ 633 AQI per CSV row (real-time/hourly or daily report), 2012 or 2026 edition.
 * Rules: {@link AirQualityIndex}; CSV conventions: {@link CsvCalc}.
 */
@Command(name = "aqi", mixinStandardHelpOptions = true,
        description = {"Air Quality Index (HJ 633-2012 / HJ 633-2026) for each CSV row.",
            "--period hour: columns so2,no2,pm10,pm25,co,o3 (1-h means; ug/m3, CO mg/m3), optional o3_8h, so2_24h "
                + "(pm10_24h, pm25_24h are accepted and passed through; the real-time AQI scores PM 1-h values on "
                + "the 24-h rows).",
            "--period day: columns so2,no2,pm10,pm25,co (24-h means), o3_1h (daily max 1-h; 2012 only), o3_8h "
                + "(daily max 8-h).",
            "Appends aqi,level,category,primary_pollutants,iaqi_<input>...,edition. Edition: --edition, else by the "
                + "'time' column (hour-end label yyyy-MM-dd HH:mm; or, with an offset as the API writes it, "
                + "2019-01-01T00:00+08:00, the hour's start) or 'date' column, else 2026.",
            "--scope city: the inputs are a city's mean concentrations (2012 real-time: concentration and IAQI "
                + "rounded half up, as the national publication does; a station's IAQI is carried up)."})
public class CalcAqiCommand implements Callable<Integer> {

    /** The period (report type). */
    public enum Period { hour, day }

    @Spec
    CommandSpec spec;

    @Option(names = "--period", required = true, paramLabel = "hour|day",
            description = "hour = real-time report from 1-h values; day = daily report.")
    Period period;

    @Option(names = "--edition", paramLabel = "2012|2026",
            description = "Edition to apply (default: by the row's date/time, else 2026).")
    String edition;

    @Option(names = "--scope", paramLabel = "station|city", defaultValue = "station",
            description = "station (default) or city: the rounding of the report (AqiRounding).")
    String scope;

    @Mixin
    CsvInput input = new CsvInput();

    @Override
    public Integer call() throws Exception {
        CsvCalc.EditionRule<AirEdition> rule = new CsvCalc.EditionRule<>(spec, edition, AirEdition::parse,
                "2012|2026", AirEdition::forHour, AirEdition::forDay, AirEdition.E2026);
        AqiScope sc = switch (scope) {
            case "station" -> AqiScope.STATION;
            case "city" -> AqiScope.CITY;
            default -> throw CsvCalc.invalidOption(spec, "--scope", scope, "station|city");
        };
        boolean hourly = period == Period.hour;
        List<String> keys = hourly ? AirQualityIndex.HOURLY_KEYS : AirQualityIndex.DAILY_KEYS;
        List<String> results = new ArrayList<>(List.of("aqi", "level", "category", "primary_pollutants"));
        for (String k : keys) {
            results.add("iaqi_" + k);
        }
        results.add("edition");
        try (CsvCalc csv = input.open(spec, "aqi")) {
            csv.writeHeader(results);
            for (CsvCalc.Row row : csv) {
                AirEdition ed = rule.forRow(row);
                AqiResult r;
                if (hourly) {
                    r = AirQualityIndex.hourly(ed, sc, new AirQualityIndex.HourlyInput(
                            row.nonNegativeDecimal("so2"), row.nonNegativeDecimal("no2"),
                            row.nonNegativeDecimal("pm10"), row.nonNegativeDecimal("pm25"),
                            row.nonNegativeDecimal("co"), row.nonNegativeDecimal("o3"),
                            row.nonNegativeDecimal("o3_8h"), row.nonNegativeDecimal("so2_24h")));
                    // validated for the error report only; not used by the real-time AQI (see AirQualityIndex)
                    row.nonNegativeDecimal("pm10_24h");
                    row.nonNegativeDecimal("pm25_24h");
                } else {
                    r = AirQualityIndex.daily(ed, sc, new AirQualityIndex.DailyInput(
                            row.nonNegativeDecimal("so2"), row.nonNegativeDecimal("no2"),
                            row.nonNegativeDecimal("pm10"), row.nonNegativeDecimal("pm25"),
                            row.nonNegativeDecimal("co"), row.nonNegativeDecimal("o3_1h"),
                            row.nonNegativeDecimal("o3_8h")));
                }
                if (row.hasErrors()) {
                    csv.writeBadRow(row, ed.code());
                } else {
                    csv.write(row, cells(r, keys));
                }
            }
            return csv.exitCode();
        }
    }

    /** The result columns for one report. */
    static List<Object> cells(AqiResult r, List<String> keys) {
        List<Object> out = new ArrayList<>();
        if (r.aqi().isPresent()) {
            AqiLevel level = r.level().orElseThrow();
            out.add(r.aqi().getAsInt());
            out.add(level.number());
            out.add(level.categoryZh());
            out.add(String.join(";", r.primaryKeys()));
        } else {
            out.add(null);
            out.add(null);
            out.add(null);
            out.add(null);
        }
        for (String k : keys) {
            out.add(r.iaqi(k).isPresent() ? (Object) r.iaqi(k).getAsInt() : null);
        }
        out.add(r.edition().code());
        return out;
    }
}
