package org.envmon.gateway;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.envmon.ingest.GroupCommitWriter;
import org.envmon.ingest.IngestSink;
import org.envmon.ingest.journal.JournalConfig;
import org.envmon.ingest.journal.JournalingSink;
import org.envmon.store.ForwardingObservationStore;
import org.envmon.model.Medium;
import org.envmon.model.ObservationStore;
import org.envmon.model.PacketWrite;
import org.envmon.model.PasswordHash;
import org.envmon.model.Site;
import org.envmon.model.Store;
import org.envmon.store.StoreConfig;
import org.envmon.store.Stores;
import org.envmon.model.WriteOutcome;

/**
 * A gateway in its own JVM, for the tests that kill it: args = data dir, port [, "journal"]. Prints "READY" when
 * listening. With "journal" the sink is a {@link JournalingSink} in {@code <data dir>/journal} in front of a store
 * whose commits are slowed down (so that the kill finds answered packets not yet in the store); it then also prints
 * "RECOVERED n" (unapplied records found at startup) and "CAUGHT-UP" once the applier has caught up after start.
 */
public final class GatewayTestServer {
    public static void main(String[] args) throws Exception {
        try {
            run(args);
        } catch (Throwable e) {
            // Exit, so that the test reading our output sees the end instead of waiting for READY forever (the
            // group-commit thread would keep the JVM alive).
            e.printStackTrace(System.out);
            System.out.flush();
            System.exit(1);
        }
    }

    private static void run(String[] args) throws Exception {
        Store store = Stores.open(StoreConfig.duckdb(Path.of(args[0])));
        if (store.sites().byMn(GatewayIntegrationTest.MN).isEmpty()) {
            store.sites().upsert(List.of(new Site("S1", "Station 1", Medium.AIR, GatewayIntegrationTest.MN,
                    PasswordHash.hash(GatewayIntegrationTest.PW), null, null, null, null, null, null, false)));
        }
        boolean journal = args.length > 2 && args[2].equals("journal");
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        IngestSink sink;
        JournalingSink journalingSink = null;
        if (journal) {
            journalingSink = new JournalingSink(JournalConfig.defaults(Path.of(args[0]).resolve("journal"))
                    .withApplyBatchRecords(200), new SlowStore(store.observations(), 30), registry);
            sink = journalingSink;
        } else {
            sink = new GroupCommitWriter(store.observations(), 10_000, 1_000, registry);
        }
        Hj212Gateway gateway = new Hj212Gateway(GatewayConfig.defaults(Integer.parseInt(args[1])),
                new StationDirectory(store.sites(), Clock.systemUTC()), sink, registry, Clock.systemUTC());
        gateway.start();
        System.out.println("READY");
        if (journalingSink != null) {
            System.out.println("RECOVERED "
                    + (long) registry.get("envmon.ingest.journal.recovery.records").counter().count());
            System.out.flush();
            while (!journalingSink.awaitApplied(Duration.ofSeconds(1))) {
                // the recovered backlog is still being applied
            }
            System.out.println("CAUGHT-UP");
        }
        System.out.flush();
        Thread.currentThread().join();
    }

    /** Delays every store commit, as a checkpointing or stalled database does. */
    private static final class SlowStore extends ForwardingObservationStore {
        private final long millis;

        SlowStore(ObservationStore delegate, long millis) {
            super(delegate);
            this.millis = millis;
        }

        @Override
        public List<WriteOutcome> write(List<PacketWrite> batch) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return super.write(batch);
        }
    }
}
