package org.envmon.app.cli;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.envmon.app.report.ReportService;
import org.envmon.evaluation.air.AirEvaluationService;
import org.envmon.evaluation.water.WaterEvaluationService;
import org.envmon.reports.Report;
import org.envmon.reports.ReportFormat;
import org.envmon.standards.water.WaterRounding;
import org.envmon.model.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code envmon report air|water}: the published evaluation tables as xlsx, csv or pdf. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Produce the evaluation tables a centre publishes, from the store.",
        subcommands = {ReportCommand.Air.class, ReportCommand.Water.class})
public class ReportCommand implements Runnable {
    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    /** Options every report takes. */
    static class Output {
        @Option(names = "--format", defaultValue = "xlsx", paramLabel = "xlsx|csv|pdf") String format;
        @Option(names = "--table", paramLabel = "ID[,ID...]",
                description = "Only these tables (air: stations, city, overview, daily, ranking; "
                        + "water: sections, basins, provinces, cwqi).") String table;
        @Option(names = {"-o", "--output"}, paramLabel = "FILE",
                description = "Write here (default: stdout for csv, else <report>.<format> in the current directory).")
        Path output;

        /** Checks the options before the store is opened: a bad --format is a usage error. */
        Output checked(picocli.CommandLine.Model.CommandSpec spec) {
            try {
                ReportFormat.parse(format);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            return this;
        }

        int write(Report report, String defaultName) throws Exception {
            ReportFormat f = ReportFormat.parse(format);
            Report r = table == null ? report : report.select(table.split(","));
            if (output == null && f == ReportFormat.CSV) {
                f.renderer().render(r, System.out);
                System.out.flush();
                return 0;
            }
            Path file = output != null ? output : Path.of(defaultName + "." + f.extension());
            try (OutputStream out = Files.newOutputStream(file)) {
                f.renderer().render(r, out);
            }
            System.err.println("wrote " + file.toAbsolutePath());
            return 0;
        }
    }

    /** A report from the store: its options are checked before the store is opened. */
    abstract static class ReportSubcommand implements Callable<Integer> {
        @Mixin StoreOptions storeOptions;
        @picocli.CommandLine.ArgGroup(exclusive = false) Output output = new Output();
        @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

        /** Checks the report's own options, then builds it from an open store. */
        abstract Function<Store, Report> report();

        /** The file name without extension where no --output is given. */
        abstract String fileName();

        @Override
        public Integer call() throws Exception {
            output.checked(spec);
            Function<Store, Report> report = report();
            try (Store store = storeOptions.openExisting()) {
                return output.write(report.apply(store), fileName());
            }
        }
    }

    /** The API's default {@code envmon.evaluation.max-period-days}. */
    private static final int MAX_PERIOD_DAYS = 400;

    static ReportService service(Store store) {
        return service(store, WaterRounding.REPORTED);
    }

    static ReportService service(Store store, WaterRounding waterRounding) {
        return new ReportService(new AirEvaluationService(store.sites(), store.observations(), store.derived(),
                MAX_PERIOD_DAYS), new WaterEvaluationService(store.sites(), store.observations(), waterRounding),
                store.sites());
    }

    @Command(name = "air", mixinStandardHelpOptions = true,
            description = "Air: station table, city statistics and compliance (HJ 663), daily AQI, city ranking.")
    static class Air extends ReportSubcommand {
        @Option(names = "--city", required = true) String city;
        @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD") LocalDate from;
        @Option(names = "--to", required = true, paramLabel = "YYYY-MM-DD", description = "Last day, inclusive.")
        LocalDate to;

        @Override
        Function<Store, Report> report() {
            return store -> service(store).air(city, from, to);
        }

        @Override
        String fileName() {
            return "air-" + city + "-" + from + "-" + to;
        }
    }

    @Command(name = "water", mixinStandardHelpOptions = true,
            description = "Surface water: section classes, basins, provinces, CWQI ranking of a month.")
    static class Water extends ReportSubcommand {
        @Option(names = "--month", required = true, paramLabel = "YYYY-MM") YearMonth month;
        @Option(names = "--rounding", defaultValue = "reported", paramLabel = "reported|none",
                description = "Class the values rounded to the national publication's reporting precision "
                        + "(GB/T 8170; default) or unrounded.") String rounding;

        @Override
        Function<Store, Report> report() {
            WaterRounding r = WaterRounding.of(WaterRounding.Mode.parse(rounding));
            return store -> service(store, r).water(month);
        }

        @Override
        String fileName() {
            return "water-" + month;
        }
    }
}
