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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.envmon.hj212.Hj212Packet;
import org.envmon.store.DuckDbTestDatabase;
import org.envmon.store.Interval;
import org.envmon.store.Observation;
import org.envmon.store.ObservationQuery;
import org.envmon.store.Statistic;
import org.envmon.store.Store;
import org.envmon.store.Stores;
import org.envmon.store.VerifyReport;
import org.junit.jupiter.api.Test;

/**
 * Kills the gateway's JVM (SIGKILL) while a station streams packets, restarts it on the same data directory, and
 * checks that every packet that was answered before the kill is in the store.
 */
class KillAndRestartTest {

    @Test
    void everyAnsweredPacketSurvivesAKill() throws Exception {
        try (DuckDbTestDatabase db = DuckDbTestDatabase.create()) {
            int port = freePort();
            List<LocalDateTime> answered = new ArrayList<>();
            Process server = startServer(db.dataDir(), port);
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
            Process restarted = startServer(db.dataDir(), port);
            try (TestStation station = new TestStation(port)) {
                LocalDateTime after = t.plusDays(1);
                station.send(TestStation.segment(qn(after), GatewayIntegrationTest.MN, GatewayIntegrationTest.PW, 5,
                        after, 1));
                assertThat(station.answer(10_000).cn()).isEqualTo("9014");
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

    private static Process startServer(Path dir, int port) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                GatewayTestServer.class.getName(), dir.toString(), Integer.toString(port))
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream()));
        String line;
        long deadline = System.currentTimeMillis() + 60_000;
        while ((line = out.readLine()) != null && System.currentTimeMillis() < deadline) {
            if (line.contains("READY")) {
                Thread drain = new Thread(() -> {
                    try {
                        while (out.readLine() != null) {
                            // keep the pipe empty
                        }
                    } catch (IOException ignored) {
                        // process ended
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return p;
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
