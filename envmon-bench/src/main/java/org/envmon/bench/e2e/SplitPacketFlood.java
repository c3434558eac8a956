package org.envmon.bench.e2e;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.envmon.gateway.GatewayConfig;
import org.envmon.gateway.Hj212Gateway;
import org.envmon.gateway.StationDirectory;
import org.envmon.hj212.Hj212Encoder;
import org.envmon.ingest.GroupCommitWriter;
import org.envmon.model.Medium;
import org.envmon.model.PasswordHash;
import org.envmon.model.Site;
import org.envmon.model.Store;
import org.envmon.store.StoreConfig;
import org.envmon.store.Stores;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The split-packet attack: an authenticated station opens {@code --connections} connections and sends, in all,
 * {@code --packets} first parts of split packets that declare PNUM=9999 and never complete; the connections stay open.
 * Prints the heap used (after GC) before and while they are held.
 *
 * <pre>java -cp envmon-bench/target/envmon-bench.jar org.envmon.bench.e2e.SplitPacketFlood --packets 5000 --connections 200</pre>
 */
public final class SplitPacketFlood {
    private static final String MN = "FLOOD00000000000000000001";
    private static final String PW = "123456";

    @Option(names = "--packets") int packets = 5000;
    @Option(names = "--connections") int connections = 200;

    public static void main(String[] argv) throws Exception {
        CommandLine.populateCommand(new SplitPacketFlood(), argv).run();
    }

    private void run() throws Exception {
        try (Store store = Stores.open(StoreConfig.duckdb(Files.createTempDirectory("envmon-flood-")))) {
            store.sites().upsert(List.of(new Site("F1", "Flood", Medium.AIR, MN, PasswordHash.hash(PW), null, null,
                    null, null, null, null, false)));
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            try (GroupCommitWriter writer = new GroupCommitWriter(store.observations(), 10_000, 1_000, registry);
                 Hj212Gateway gateway = new Hj212Gateway(GatewayConfig.defaults(0),
                         new StationDirectory(store.sites(), Clock.systemUTC()), writer, registry, Clock.systemUTC())) {
                int port = gateway.start();
                double before = EndToEndLoad.heapUsedMb();
                List<Socket> open = new ArrayList<>();
                LocalDateTime qn = LocalDateTime.of(2026, 11, 1, 8, 0);
                for (int c = 0; c < connections; c++) {
                    Socket s = new Socket("127.0.0.1", port);
                    open.add(s);
                    OutputStream out = s.getOutputStream();
                    for (int i = c; i < packets; i += connections) {
                        String seg = "QN=" + Hj212Encoder.formatQn(qn.plusNanos(i * 1_000_000L)) + ";ST=22;CN=2061;PW="
                                + PW + ";MN=" + MN + ";Flag=7;PNUM=9999;PNO=1;CP=&&DataTime=20261101080000;"
                                + "a34004-Avg=35,a34004-Flag=N&&";
                        out.write(Hj212Encoder.frame(seg));
                    }
                    out.flush();
                }
                // held once the gateway counts them: pending split packets (or, before they were, accepted frames)
                long deadline = System.nanoTime() + 60_000_000_000L;
                while (held(registry) < packets && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                double during = EndToEndLoad.heapUsedMb();
                System.out.printf("%d incomplete split packets (PNUM=9999) on %d connections held: %.0f; heap used "
                        + "%.1f MB before, %.1f MB while held: +%.1f MB%n", packets, connections, held(registry),
                        before, during, during - before);
                Gauge bytes = registry.find("envmon.hj212.split.pending.bytes").gauge();
                if (bytes != null) {
                    System.out.printf("bytes accounted by the assembler: %.0f%n", bytes.value());
                }
                for (Socket s : open) {
                    s.close();
                }
            }
        }
    }

    private static double held(SimpleMeterRegistry registry) {
        Gauge pending = registry.find("envmon.hj212.split.pending").gauge();
        if (pending != null) {
            return pending.value();
        }
        Counter accepted = registry.find("envmon.hj212.frames").tag("outcome", "accepted").counter();
        return accepted == null ? 0 : accepted.count();
    }
}
