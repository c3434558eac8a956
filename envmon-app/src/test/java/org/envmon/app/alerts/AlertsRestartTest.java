package org.envmon.app.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.envmon.app.RunningPlatform;
import org.envmon.hj212.Hj212Encoder;
import org.envmon.model.Medium;
import org.envmon.model.PasswordHash;
import org.envmon.model.Site;
import org.envmon.model.SiteStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The running platform stopped and started again on the same data directory: alerts are kept in the store. */
class AlertsRestartTest {
    private static final String MN = "RST0000000000000000000001";

    @TempDir
    Path dir;

    private RunningPlatform start(String repository) throws Exception {
        List<String> props = new ArrayList<>(List.of("envmon.data-dir=" + dir.resolve("data"),
                RunningPlatform.onlyPm25ThresholdRule(dir, "pm-low", 100)));
        if (repository != null) {
            props.add("envmon.alerts.repository=" + repository);
        }
        RunningPlatform p = RunningPlatform.start(props);
        p.bean(SiteStore.class).upsert(List.of(new Site("RST01", "重启测试站", Medium.AIR, MN,
                PasswordHash.hash("123456"), "北京市", "北京", null, null, 39.9, 116.4, false)));
        return p;
    }

    private static void sendPacket(RunningPlatform p, LocalDateTime beijingHour, double pm25) throws Exception {
        String qn = beijingHour.format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss")) + "001";
        String segment = "QN=" + qn + ";ST=22;CN=2061;PW=123456;MN=" + MN + ";Flag=5;CP=&&DataTime="
                + Hj212Encoder.formatTime(beijingHour) + ";a34004-Avg=" + pm25 + ",a34004-Flag=N&&";
        assertThat(p.sendHj212(segment)).contains("CN=9014");
    }

    /** Waits until the list answers something other than {@code unlike}. */
    private static String awaitList(RunningPlatform p, String query, String unlike) throws Exception {
        long deadline = System.nanoTime() + 15_000_000_000L;
        String body;
        do {
            body = p.get("/api/v1/alerts" + query).body();
            if (!body.equals(unlike)) {
                return body;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        return body;
    }

    private static List<Long> ids(String json) {
        List<Long> ids = new ArrayList<>();
        Matcher m = Pattern.compile("\\{\"id\":(\\d+)").matcher(json);
        while (m.find()) {
            ids.add(Long.parseLong(m.group(1)));
        }
        return ids;
    }

    @Test
    void alertsSurviveARestartAndCanBeAcknowledgedAfterIt() throws Exception {
        LocalDateTime hour = LocalDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.HOURS).minusHours(2);
        long id;
        try (RunningPlatform p = start(null)) {
            sendPacket(p, hour, 180);
            List<Long> open = ids(awaitList(p, "?state=open", "[]"));
            assertThat(open).hasSize(1);
            id = open.get(0);
        }
        try (RunningPlatform p = start(null)) {
            assertThat(ids(p.get("/api/v1/alerts?state=open").body())).containsExactly(id);
            sendPacket(p, hour.plusHours(1), 190); // the condition persists: no second alert
            String before = p.get("/api/v1/alerts/" + id).body();
            String after = before;
            for (int i = 0; i < 300 && after.equals(before); i++) {
                Thread.sleep(50);
                after = p.get("/api/v1/alerts/" + id).body();
            }
            assertThat(after).contains("\"lastValue\":190.0");
            assertThat(ids(p.get("/api/v1/alerts").body())).containsExactly(id);
            HttpResponse<String> ack = p.post("/api/v1/alerts/" + id + "/acknowledge",
                    "{\"note\":\"重启后确认\",\"operator\":\"li.wei\"}");
            assertThat(ack.statusCode()).isEqualTo(200);
            assertThat(ack.body()).contains("\"state\":\"acknowledged\"").contains("重启后确认");
        }
        try (RunningPlatform p = start("store")) {
            assertThat(ids(p.get("/api/v1/alerts?state=acknowledged").body())).containsExactly(id);
            HttpResponse<String> close = p.post("/api/v1/alerts/" + id + "/close", "{\"operator\":\"li.wei\"}");
            assertThat(close.statusCode()).isEqualTo(200);
            assertThat(close.body()).contains("\"state\":\"closed\"");
        }
    }

    @Test
    void inMemoryAlertsAreLostOnRestart() throws Exception {
        LocalDateTime hour = LocalDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.HOURS).minusHours(1);
        try (RunningPlatform p = start("memory")) {
            sendPacket(p, hour, 180);
            assertThat(ids(awaitList(p, "?state=open", "[]"))).hasSize(1);
        }
        try (RunningPlatform p = start("memory")) {
            assertThat(p.get("/api/v1/alerts").body()).isEqualTo("[]");
        }
    }
}
