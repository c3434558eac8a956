package org.envmon.app.cli;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import org.envmon.app.DemoData;
import org.envmon.evaluation.derived.LiveRecompute;
import org.envmon.evaluation.derived.AirDerivation;
import org.envmon.ingest.GroupCommitWriter;
import org.envmon.ingest.IngestSink;
import org.envmon.ingest.QualityCheckingSink;
import org.envmon.ingest.StoredBatches;
import org.envmon.quality.qc.QualityControl;
import org.envmon.ingest.files.CnemcHourlyImporter;
import org.envmon.ingest.files.CnemcWaterImporter;
import org.envmon.ingest.files.ImportReport;
import org.envmon.model.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code envmon import cnemc FILES...}, {@code envmon import cnemc-water FILES...}. */
@Command(name = "import", mixinStandardHelpOptions = true, description = "Import data files.",
        subcommands = {ImportCommand.Cnemc.class, ImportCommand.CnemcWater.class})
public class ImportCommand implements Runnable {
    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    /** One import subcommand: its importer, set up on the open store, and what follows the commit. */
    interface Importing {
        FileImporter start(Store store, GroupCommitWriter writer, IngestSink sink, ImportReport report,
                SimpleMeterRegistry registry);

        /** After every imported value is committed. */
        default void finish(Store store, ImportReport report) {
        }
    }

    /** Imports one file into the report. */
    interface FileImporter {
        void importFile(Path file, ImportReport report) throws java.io.IOException;
    }

    /** The files and the store of an import subcommand. */
    abstract static class FilesIntoStore implements Callable<Integer>, Importing {
        @Parameters(arity = "1..*", paramLabel = "FILE")
        List<Path> files;

        @Mixin
        StoreOptions storeOptions;

        @Override
        public Integer call() throws Exception {
            return run(storeOptions, files, this);
        }
    }

    @Command(name = "cnemc", mixinStandardHelpOptions = true,
            description = {"Import CNEMC hourly station files (date,hour,type,<station codes>; plain or .gz).",
                    "Unregistered stations are created from the national station list shipped with EnvMon."})
    static class Cnemc extends FilesIntoStore {
        @picocli.CommandLine.Option(names = "--no-recompute",
                description = "Do not recompute the derived air data (hourly/daily AQI of stations and cities) for"
                        + " the imported days; run 'envmon recompute' later.")
        boolean noRecompute;

        @Override
        public FileImporter start(Store store, GroupCommitWriter writer, IngestSink sink, ImportReport report,
                SimpleMeterRegistry registry) {
            // A constant run flagged from its first hour may start before the imported hours (in an earlier
            // import): its first day is recomputed too.
            StoredBatches.follow(writer.log(), "import-report",
                    stored -> stored.forEach(w -> w.qcFlags().forEach(f -> report.timeSeen(f.from()))), registry);
            return new CnemcHourlyImporter(sink, store.sites(),
                    CnemcHourlyImporter.stationListOf(DemoData.nationalAirStations()), Clock.systemUTC())::importFile;
        }

        @Override
        public void finish(Store store, ImportReport report) {
            if (!noRecompute) {
                recompute(new AirDerivation(store.sites(), store.observations(), store.derived()), report);
            }
        }
    }

    @Command(name = "cnemc-water", mixinStandardHelpOptions = true,
            description = {"Import the CNEMC automatic surface-water publication (省份,流域,所在地市,所属河流,断面名称,"
                    + "监测时间,水质类别, per parameter its value and <parameter>_原始值, 站点情况, optional lat,lon;"
                    + " plain or .gz).",
                    "Sections are registered as surface-water sites under a synthetic code (W + province code + hash"
                            + " of province and section name); the raw values are stored."})
    static class CnemcWater extends FilesIntoStore {
        @Override
        public FileImporter start(Store store, GroupCommitWriter writer, IngestSink sink, ImportReport report,
                SimpleMeterRegistry registry) {
            return new CnemcWaterImporter(sink, store.sites(), Clock.systemUTC())::importFile;
        }
    }

    /**
     * Every file through the importer into the store (QC on every value, the same writer as the platform), then
     * the problems by reason on stderr and the counts on stdout; the exit code says whether anything was skipped.
     */
    static int run(StoreOptions storeOptions, List<Path> files, Importing importing) throws Exception {
        requireReadable(files);
        ImportReport report = new ImportReport();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (Store store = storeOptions.openOrCreate();
             GroupCommitWriter writer = new GroupCommitWriter(store.observations(), 10_000, 2_000, registry);
             IngestSink sink = new QualityCheckingSink(writer, QualityControl.withDefaults(), store.sites(),
                     registry)) {
            FileImporter importer = importing.start(store, writer, sink, report, registry);
            for (Path f : files) {
                long t0 = System.nanoTime();
                long before = report.valuesStored();
                importer.importFile(f, report);
                System.out.printf("%s: %d values in %.1f s%n", f, report.valuesStored() - before,
                        (System.nanoTime() - t0) / 1e9);
            }
            sink.close(); // every value committed before what follows reads them
            importing.finish(store, report);
        }
        int exit = ImportProblems.print(report, System.err);
        System.out.println(report);
        return exit;
    }

    /** Every file readable, or nothing is imported (exit 4). */
    static void requireReadable(List<Path> files) {
        for (Path f : files) {
            if (!java.nio.file.Files.isRegularFile(f) || !java.nio.file.Files.isReadable(f)) {
                throw new CannotRun("cannot read " + f + (java.nio.file.Files.exists(f) ? "" : ": no such file")
                        + "; nothing imported");
            }
        }
    }

    /** The Beijing days an import touched, plus the next day (its moving means read the last hours). */
    static java.util.Optional<java.time.LocalDate[]> importedDays(ImportReport report) {
        if (report.firstTime().isEmpty()) {
            return java.util.Optional.empty();
        }
        java.time.ZoneOffset bj = org.envmon.model.BeijingTime.OFFSET;
        return java.util.Optional.of(new java.time.LocalDate[] {
                report.firstTime().get().atOffset(bj).toLocalDate(),
                report.lastTime().get().atOffset(bj).toLocalDate().plusDays(1)});
    }

    static void recompute(AirDerivation derivation, ImportReport report) {
        importedDays(report).ifPresent(d -> print(derivation.recomputeAll(d[0], d[1]), d));
    }

    static void recompute(LiveRecompute worker, ImportReport report) {
        importedDays(report).ifPresent(d -> print(worker.recomputeAll(d[0], d[1]), d));
    }

    private static void print(AirDerivation.Result r, java.time.LocalDate[] d) {
        System.out.printf("Derived air data %s .. %s: %d stations, %d cities, %d hour rows, %d day rows in %.1f s%n",
                d[0], d[1], r.stations(), r.cities(), r.hourRows(), r.dayRows(), r.took().toMillis() / 1e3);
    }
}
