package org.envmon.app.cli;

import java.io.IOException;
import org.envmon.ingest.IngestSink;
import org.envmon.model.SiteStore;

/** Lets tests in other packages load the demo data exactly as {@code envmon demo} does. */
public final class DemoCommandAccess {
    private DemoCommandAccess() {
    }

    public static void load(SiteStore sites, IngestSink sink) throws IOException {
        DemoCommand.load(sites, sink);
    }

    /** Loads the demo's surface-water sections and their published records, as {@code envmon demo} does. */
    public static org.envmon.ingest.files.ImportReport loadWater(SiteStore sites, IngestSink sink)
            throws IOException {
        return DemoCommand.loadWater(sites, sink);
    }

    /** Loads the demo data and computes its derived air data, as {@code envmon demo} does. */
    public static void load(org.springframework.context.ApplicationContext ctx) throws IOException {
        DemoCommand.load(ctx);
    }
}
