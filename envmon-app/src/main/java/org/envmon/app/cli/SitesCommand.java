package org.envmon.app.cli;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.envmon.ingest.files.ImportReport;
import org.envmon.ingest.files.SiteCsvReader;
import org.envmon.model.Site;
import org.envmon.model.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code envmon sites import FILE.csv}. */
@Command(name = "sites", mixinStandardHelpOptions = true, description = "Manage monitoring sites.",
        subcommands = SitesCommand.Import.class)
public class SitesCommand implements Runnable {
    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Register or update sites from a CSV file.",
                    "Header: code,name,medium,mn,password,province,city,latitude,longitude "
                            + "[,county,basin,control(Y/N)]; the CNEMC national air station list is also accepted."})
    static class Import implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FILE.csv")
        Path file;

        @Mixin
        StoreOptions storeOptions;

        @Override
        public Integer call() throws Exception {
            ImportReport report = new ImportReport();
            List<Site> sites;
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                sites = new SiteCsvReader().read(in, file.toString(), report);
            }
            try (Store store = storeOptions.openOrCreate()) {
                store.sites().upsert(sites);
                System.out.printf("%d sites imported into %s store (%d now registered)%n", sites.size(),
                        store.engine(), store.sites().count());
            }
            return ImportProblems.print(report, System.err);
        }
    }
}
