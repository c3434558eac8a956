package org.envmon.app.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.envmon.app.PlatformPerClass;
import org.envmon.app.RunningPlatform;
import org.envmon.hj212.Hj212Encoder;
import org.envmon.model.Medium;
import org.envmon.model.PasswordHash;
import org.envmon.model.Site;
import org.envmon.model.SiteStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One frame of each reject reason over a real socket, then a scrape of {@code /actuator/prometheus}: every counter
 * the faults table of ARCHITECTURE.md names is exported, and each reason sent is counted.
 */
class GatewayMetricsExportTest {
    private static final String MN = "MET0000000000000000000001";
    private static final String PW = "123456";
    private static final LocalDateTime T = LocalDateTime.of(2026, 11, 1, 8, 0);

    static RunningPlatform platform;
    /**
     * A small pending bound, so that three incomplete split packets evict one; the journal on, so that its counters
     * (also in the faults table) exist.
     */
    @RegisterExtension
    static final PlatformPerClass<RunningPlatform> started = PlatformPerClass.duckdb("envmon.hj212.error-budget=3",
            "envmon.hj212.max-pending-bytes=1000", "envmon.ingest.journal.enabled=true",
            "envmon.evaluation.recompute=false").then(p -> {
                platform = p;
                platform.bean(SiteStore.class).upsert(List.of(new Site("MET01", "指标测试站", Medium.AIR, MN,
                        PasswordHash.hash(PW), "北京市", "北京", null, null, 39.9, 116.4, false)));
            });

    static String segment(String qn, String mn, String pw, String flag, String cp) {
        return "QN=" + qn + ";ST=22;CN=2011;PW=" + pw + ";MN=" + mn + ";Flag=" + flag + ";" + "CP=&&DataTime="
                + Hj212Encoder.formatTime(T) + ";" + cp + "&&";
    }

    static String frame(String segment) {
        return new String(Hj212Encoder.frame(segment), StandardCharsets.US_ASCII);
    }

    /** Writes the bytes on a connection of their own, then reads what comes back until the server stops answering. */
    static void sendAlone(String bytes) throws Exception {
        try (Socket s = new Socket("127.0.0.1", platform.hj212Port)) {
            s.getOutputStream().write(bytes.getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            s.setSoTimeout(300);
            InputStream in = s.getInputStream();
            try {
                while (in.read() >= 0) {
                    // answers and refusals are read, not checked here
                }
            } catch (java.net.SocketTimeoutException e) {
                // nothing more
            }
        }
    }

    @Test
    void everyRejectReasonIsCountedAndEveryCounterOfTheFaultsTableIsExported() throws Exception {
        String good = frame(segment("20261101080000001", MN, PW, "5", "a34004-Rtd=35,a34004-Flag=N"));
        Map<String, String> sent = new LinkedHashMap<>();
        sent.put("garbage", "garbage\r\n" + good);
        sent.put("bad_length_field", "##01x5ST=1\r\n");
        String data = good.substring(6, good.length() - 6);
        sent.put("length_mismatch", "##" + String.format("%04d", data.length() - 6) + data + "XXXX\r\n");
        sent.put("truncated", "##0100QN=2016\r\n");
        sent.put("oversize", "##5000QN=\r\n");
        sent.put("bad_crc", good.replace("a34004-Rtd=35", "a34004-Rtd=36"));
        sent.put("missing_field", frame("QN=20261101080000002;ST=22;CN=2011;MN=" + MN + ";Flag=5;CP=&&&&"));
        sent.put("bad_field", frame(segment("20261101080000003", MN, PW, "5", "a34004-Rtd=0.99,a34004-Rtd=1001.49")));
        sent.put("bad_flag", frame(segment("20261101080000004", MN, PW, "999", "a34004-Rtd=1")));
        sent.put("bad_value", frame(segment("20261101080000005", MN, PW, "5", "a34004-Rtd=abc")));
        sent.put("bad_time", frame(segment("20261101080000006", MN, PW, "5", "a34004-Rtd=1").replace("DataTime="
                + Hj212Encoder.formatTime(T), "DataTime=20261332000000")));
        sent.put("bad_subpacket", frame(segment("20261101080000007", MN, PW, "7;PNUM=2;PNO=3", "a34004-Rtd=1")));
        sent.put("unknown_mn", frame(segment("20261101080000008", "UNKNOWN00000000000000001", PW, "5", "a34004-Rtd=1")));
        sent.put("wrong_password", frame(segment("20261101080000009", MN, "999999", "5", "a34004-Rtd=1")));
        sent.put("error_budget_exceeded", "##0010abcdefghij0000\r\n".repeat(4));
        StringBuilder split = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            split.append(frame(segment("2026110108000010" + i, MN, PW, "7;PNUM=2;PNO=1", "a34004-Rtd=1")));
        }
        sent.put("split_incomplete", split.toString());
        for (String bytes : sent.values()) {
            sendAlone(bytes);
        }
        // a value an hour and more in the future, and a redelivery
        String future = frame(segment("20991101080000001", MN, PW, "5", "a34004-Rtd=1")
                .replace("DataTime=" + Hj212Encoder.formatTime(T), "DataTime=20991101080000"));
        sendAlone(future);
        sendAlone(good);

        Map<String, Double> expected = new HashMap<>();
        for (String reason : sent.keySet()) {
            expected.put("envmon_hj212_frames_total{outcome=\"rejected\",reason=\"" + reason + "\"}", 1.0);
        }
        expected.put("envmon_hj212_values_future_total", 1.0);
        expected.put("envmon_ingest_packets_total{outcome=\"duplicate\"}", 1.0);
        expected.put("envmon_hj212_split_dropped_total{reason=\"evicted\"}", 1.0);

        String scrape = "";
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            scrape = platform.getAs(platform.adminToken(), "/actuator/prometheus").body(); // metrics need a token
            String s = scrape;
            if (expected.entrySet().stream().allMatch(e -> value(s, e.getKey()) >= e.getValue())) {
                break;
            }
            Thread.sleep(100);
        }
        for (Map.Entry<String, Double> e : expected.entrySet()) {
            assertThat(value(scrape, e.getKey())).as(e.getKey()).isGreaterThanOrEqualTo(e.getValue());
        }
        List<String> named = faultTableCounters();
        assertThat(named).hasSizeGreaterThan(20);
        for (String counter : named) {
            assertThat(value(scrape, counter)).as("%s (named in the faults table) is exported", counter)
                    .isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void everyMeterNameHasOneSetOfTagKeys() {
        Map<String, Set<String>> keys = new HashMap<>();
        for (Meter m : platform.bean(MeterRegistry.class).getMeters()) {
            keys.computeIfAbsent(m.getId().getName(), n -> new TreeSet<>()).add(m.getId().getTags().stream()
                    .map(Tag::getKey).sorted().collect(Collectors.joining(",")));
        }
        assertThat(keys.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Map.Entry::toString).toList())
                .isEmpty();
        assertThat(keys).containsKey("envmon.hj212.frames");
    }

    /**
     * The counters the "Bad input and faults" table names, as Prometheus samples: full names
     * ({@code envmon.x{k=v}}), a bare reason ({@code bad_crc}) or {@code reason=x} for a rejected frame.
     */
    static List<String> faultTableCounters() throws Exception {
        String md = Files.readString(Path.of("..", "ARCHITECTURE.md"));
        String table = md.substring(md.indexOf("## Bad input and faults"));
        List<String> out = new ArrayList<>();
        Pattern code = Pattern.compile("`([^`]+)`");
        for (String row : table.split("\n")) {
            String[] cells = row.split("\\|");
            if (!row.startsWith("|") || cells.length < 4 || row.startsWith("|---") || row.contains("counted as")) {
                continue;
            }
            Matcher m = code.matcher(cells[3]);
            while (m.find()) {
                out.add(prometheus(m.group(1)));
            }
        }
        return out;
    }

    static String prometheus(String named) {
        if (!named.startsWith("envmon.")) {
            String reason = named.startsWith("reason=") ? named.substring(7) : named;
            return "envmon_hj212_frames_total{outcome=\"rejected\",reason=\"" + reason + "\"}";
        }
        int brace = named.indexOf('{');
        String name = (brace < 0 ? named : named.substring(0, brace)).replace('.', '_') + "_total";
        if (brace < 0) {
            return name;
        }
        String labels = named.substring(brace + 1, named.length() - 1);
        return name + "{" + java.util.Arrays.stream(labels.split(",")).map(l -> l.replace("=", "=\"") + "\"")
                .collect(Collectors.joining(",")) + "}";
    }

    /** The value of the sample {@code name{labels}} (labels in any order, others allowed), or -1 when absent. */
    static double value(String scrape, String sample) {
        int brace = sample.indexOf('{');
        String name = brace < 0 ? sample : sample.substring(0, brace);
        List<String> labels = brace < 0 ? List.of()
                : List.of(sample.substring(brace + 1, sample.length() - 1).split(","));
        for (String line : scrape.split("\n")) {
            if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
                if (labels.stream().allMatch(line::contains)) {
                    return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
        }
        return -1;
    }
}
