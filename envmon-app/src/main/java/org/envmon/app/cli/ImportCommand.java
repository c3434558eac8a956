package org.envmon.app.cli;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import org.envmon.app.DemoData;
import org.envmon.ingest.GroupCommitWriter;
import org.envmon.ingest.IngestSink;
import org.envmon.ingest.QualityCheckingSink;
import org.envmon.quality.qc.QualityControl;
import org.envmon.ingest.files.CnemcHourlyImporter;
import org.envmon.ingest.files.ImportProblem;
import org.envmon.ingest.files.ImportReport;
import org.envmon.store.Store;
import org.envmon.store.Stores;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code envmon import cnemc FILES...}. */
@Command(name = "import", mixinStandardHelpOptions = true, description = "Import data files.",
        subcommands = ImportCommand.Cnemc.class)
public class ImportCommand implements Runnable {
    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    @Command(name = "cnemc", mixinStandardHelpOptions = true,
            description = {"Import CNEMC hourly station files (date,hour,type,<station codes>; plain or .gz).",
                    "Unregistered stations are created from the national station list shipped with EnvMon."})
    static class Cnemc implements Callable<Integer> {
        @Parameters(arity = "1..*", paramLabel = "FILE")
        List<Path> files;

        @Mixin
        StoreOptions storeOptions;

        @Override
        public Integer call() throws Exception {
            ImportReport report = new ImportReport();
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            try (Store store = Stores.open(storeOptions.toConfig());
                 IngestSink sink = new QualityCheckingSink(new GroupCommitWriter(store.observations(), 10_000, 2_000,
                         registry), QualityControl.withDefaults(), store.sites(), registry)) {
                CnemcHourlyImporter importer = new CnemcHourlyImporter(sink, store.sites(),
                        CnemcHourlyImporter.stationListOf(DemoData.nationalAirStations()), Clock.systemUTC());
                for (Path f : files) {
                    long t0 = System.nanoTime();
                    long before = report.valuesStored();
                    importer.importFile(f, report);
                    System.out.printf("%s: %d values in %.1f s%n", f, report.valuesStored() - before,
                            (System.nanoTime() - t0) / 1e9);
                }
            }
            for (ImportProblem p : report.problems()) {
                System.err.println(p);
            }
            System.out.println(report);
            return report.problems().isEmpty() ? 0 : 1;
        }
    }
}
