package org.envmon.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.envmon.hj212.Hj212Packet;
import org.envmon.store.DuckDbTestDatabase;
import org.envmon.model.Interval;
import org.envmon.model.Observation;
import org.envmon.model.ObservationQuery;
import org.envmon.model.Statistic;
import org.envmon.model.Store;
import org.envmon.store.Stores;
import org.envmon.model.VerifyReport;
import org.junit.jupiter.api.Test;

/**
 * Kills the gateway's JVM (SIGKILL) while a station streams packets, restarts it on the same data directory, and
 * checks that every packet that was answered before the kill is in the store.
 */
class KillAndRestartTest {

    @Test
    void everyAnsweredPacketSurvivesAKill() throws Exception {
        killAndRestart(false);
    }

    /**
     * The scenario, with the plain group-commit writer or (journal = true) with the ingest journal in front of a
     * slowed-down store, where the kill finds answered packets that are only in the journal and the restart must
     * apply them.
     */
    static void killAndRestart(boolean journal) throws Exception {
        try (DuckDbTestDatabase db = DuckDbTestDatabase.create()) {
            int port = freePort();
            List<LocalDateTime> answered = new ArrayList<>();
            Server started = startServer(db.dataDir(), port, journal);
            Process server = started.process;
            LocalDateTime t = LocalDateTime.of(2026, 11, 1, 0, 0, 0);
            AtomicBoolean killed = new AtomicBoolean();
            try (TestStation station = new TestStation(port)) {
                // Stream without waiting for each answer, so that the kill lands with packets in flight.
                Thread reader = new Thread(() -> {
                    try {
                        Hj212Packet a;
                        while ((a = station.answer(10_000)) != null) {
                            synchronized (answered) {
                                answered.add(qnTime(a.qn()));
                            }
                        }
                    } catch (IOException e) {
                        // connection reset by the kill
                    }
                });
                reader.start();
                int i = 0;
                try {
                    while (!killed.get()) {
                        LocalDateTime dataTime = t.plusSeconds(i);
                        station.send(TestStation.segment(qn(dataTime), GatewayIntegrationTest.MN,
                                GatewayIntegrationTest.PW, 5, dataTime, i % 100));
                        i++;
                        boolean enough;
                        synchronized (answered) {
                            enough = answered.size() >= 500;
                        }
                        if (enough || i == 200_000) {
                            server.destroyForcibly();
                            killed.set(true);
                        }
                        if (i % 50 == 0) {
                            Thread.sleep(1);
                        }
                    }
                } catch (IOException e) {
                    // the server died under us
                }
                server.waitFor(30, TimeUnit.SECONDS);
                reader.join(15_000);
            } finally {
                server.destroyForcibly();
            }
            assertThat(answered).as("some packets were answered before the kill").isNotEmpty();

            // Restart on the same directory: it must come up (recovering its log) and accept data again.
            Server again = startServer(db.dataDir(), port, journal);
            Process restarted = again.process;
            try (TestStation station = new TestStation(port)) {
                LocalDateTime after = t.plusDays(1);
                station.send(TestStation.segment(qn(after), GatewayIntegrationTest.MN, GatewayIntegrationTest.PW, 5,
                        after, 1));
                assertThat(station.answer(10_000).cn()).isEqualTo("9014");
                if (journal) {
                    String recovered = again.await("RECOVERED ", 30);
                    assertThat(Long.parseLong(recovered.substring("RECOVERED ".length())))
                            .as("answered packets were only in the journal at the kill").isPositive();
                    assertThat(again.await("CAUGHT-UP", 60)).as("recovery applied the journal").isNotNull();
                }
            } finally {
                restarted.destroy();
                restarted.waitFor(30, TimeUnit.SECONDS);
            }

            try (Store store = Stores.open(db.storeConfig())) {
                Instant from = t.toInstant(ZoneOffset.ofHours(8));
                List<Observation> stored = store.observations().query(new ObservationQuery("S1", "a34004",
                        Interval.REALTIME, Statistic.VALUE, from, from.plusSeconds(86_400), 100_000));
                List<LocalDateTime> storedTimes = stored.stream()
                        .map(o -> LocalDateTime.ofInstant(o.time(), ZoneOffset.ofHours(8))).toList();
                synchronized (answered) {
                    assertThat(storedTimes).containsAll(answered);
                }
                // Nothing the kill interrupted is left outside the hash chain.
                VerifyReport report = store.chain().verify();
                assertThat(report.state()).as(report.summary()).isEqualTo(VerifyReport.State.INTACT);
            }
        }
    }

    private static String qn(LocalDateTime dataTime) {
        return org.envmon.hj212.Hj212Encoder.formatQn(dataTime);
    }

    private static LocalDateTime qnTime(String qn) {
        return LocalDateTime.parse(qn.substring(0, 14), java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
    }

    /** A started server process and the lines it printed after READY. */
    record Server(Process process, BlockingQueue<String> lines) {
        /** @return the first line starting with {@code prefix} within the timeout, or null */
        String await(String prefix, int seconds) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            String line;
            while ((line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) != null) {
                if (line.startsWith(prefix)) {
                    return line;
                }
            }
            return null;
        }
    }

    private static Server startServer(Path dir, int port, boolean journal) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                GatewayTestServer.class.getName(), dir.toString(), Integer.toString(port)));
        if (journal) {
            command.add("journal");
        }
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream()));
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        String line;
        long deadline = System.currentTimeMillis() + 60_000;
        while ((line = out.readLine()) != null && System.currentTimeMillis() < deadline) {
            if (line.contains("READY")) {
                Thread drain = new Thread(() -> {
                    try {
                        String l;
                        while ((l = out.readLine()) != null) {
                            lines.add(l); // and keep the pipe empty
                        }
                    } catch (IOException ignored) {
                        // process ended
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return new Server(p, lines);
            }
        }
        p.destroyForcibly();
        throw new IllegalStateException("gateway test server did not start; last line: " + line);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
