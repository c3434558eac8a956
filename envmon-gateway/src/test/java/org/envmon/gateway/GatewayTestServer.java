package org.envmon.gateway;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.envmon.ingest.GroupCommitWriter;
import org.envmon.store.Medium;
import org.envmon.store.PasswordHash;
import org.envmon.store.Site;
import org.envmon.store.Store;
import org.envmon.store.StoreConfig;
import org.envmon.store.Stores;

/** A gateway in its own JVM, for the test that kills it: args = data dir, port. Prints "READY" when listening. */
public final class GatewayTestServer {
    public static void main(String[] args) throws Exception {
        Store store = Stores.open(StoreConfig.duckdb(Path.of(args[0])));
        if (store.sites().byMn(GatewayIntegrationTest.MN).isEmpty()) {
            store.sites().upsert(List.of(new Site("S1", "Station 1", Medium.AIR, GatewayIntegrationTest.MN,
                    PasswordHash.hash(GatewayIntegrationTest.PW), null, null, null, null, null, null, false)));
        }
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        GroupCommitWriter writer = new GroupCommitWriter(store.observations(), 10_000, 1_000, registry);
        Hj212Gateway gateway = new Hj212Gateway(GatewayConfig.defaults(Integer.parseInt(args[1])),
                new StationDirectory(store.sites(), Clock.systemUTC()), writer, registry, Clock.systemUTC());
        gateway.start();
        System.out.println("READY");
        System.out.flush();
        Thread.currentThread().join();
    }
}
