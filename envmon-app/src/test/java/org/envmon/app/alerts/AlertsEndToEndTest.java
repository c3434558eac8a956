package org.envmon.app.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.envmon.alerts.notify.WebhookDispatcher;
import org.envmon.hj212.Hj212Encoder;
import org.envmon.model.Medium;
import org.envmon.model.PasswordHash;
import org.envmon.model.Site;
import org.envmon.app.RunningPlatform;
import org.envmon.model.SiteStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The running platform: an HJ 212 packet over TCP above a configured threshold reaches an SSE client (a real HTTP
 * client reading the stream line by line) and a signed webhook; the alert is then acknowledged and closed through the
 * API, and the stream and the webhook see those steps too.
 */
class AlertsEndToEndTest {
    private static final String MN = "ALT0000000000000000000001";
    private static final String SECRET = "hook-secret";

    /** One rule: hourly PM2.5 of air sites above 100, major. */
    static final String PM_ABOVE_100 = """
            defaults=false
            rule.pm-low.type=threshold
            rule.pm-low.label=PM2.5 above the test threshold
            rule.pm-low.parameter=a34004
            rule.pm-low.medium=air
            rule.pm-low.threshold=100
            rule.pm-low.unit=ug/m3
            rule.pm-low.severity=major
            """;

    @TempDir
    static Path dir;
    static RunningPlatform platform;
    static HttpServer hook;
    static final LinkedBlockingQueue<String[]> hookCalls = new LinkedBlockingQueue<>();

    @BeforeAll
    static void start() throws Exception {
        hook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hook.createContext("/hook", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            hookCalls.add(new String[] {ex.getRequestHeaders().getFirst("X-EnvMon-Event"),
                    ex.getRequestHeaders().getFirst("X-EnvMon-Signature"), body});
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        hook.start();
        platform = RunningPlatform.start(List.of("envmon.data-dir=" + dir.resolve("data"),
                RunningPlatform.rulesFile(dir, PM_ABOVE_100),
                "envmon.alerts.sse-keep-alive=1s",
                "envmon.alerts.webhooks[0].url=http://127.0.0.1:" + hook.getAddress().getPort() + "/hook",
                "envmon.alerts.webhooks[0].secret=" + SECRET,
                "envmon.alerts.webhook.initial-backoff=50ms"));
        platform.bean(SiteStore.class).upsert(List.of(new Site("ALT01", "预警测试站", Medium.AIR, MN,
                PasswordHash.hash("123456"), "北京市", "北京", null, null, 39.9, 116.4, false)));
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
        if (hook != null) {
            hook.stop(0);
        }
    }

    /** SSE events as (name, data) read from the stream on a thread of its own. */
    private static LinkedBlockingQueue<String[]> subscribe(Stream<String> lines) {
        LinkedBlockingQueue<String[]> events = new LinkedBlockingQueue<>();
        Thread t = new Thread(() -> {
            String name = null;
            StringBuilder data = new StringBuilder();
            try {
                for (String line : (Iterable<String>) lines::iterator) {
                    if (line.startsWith("event:")) {
                        name = line.substring(6).strip();
                    } else if (line.startsWith("data:")) {
                        data.append(line.substring(5).strip());
                    } else if (line.isEmpty() && name != null) {
                        events.add(new String[] {name, data.toString()});
                        name = null;
                        data.setLength(0);
                    }
                }
            } catch (RuntimeException closed) {
                // the test closed the stream
            }
        }, "sse-reader");
        t.setDaemon(true);
        t.start();
        return events;
    }

    private void sendPacket(LocalDateTime beijingHour, double pm25) throws Exception {
        String qn = beijingHour.format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmmss")) + "001";
        String segment = "QN=" + qn + ";ST=22;CN=2061;PW=123456;MN=" + MN + ";Flag=5;CP=&&DataTime="
                + Hj212Encoder.formatTime(beijingHour) + ";a34004-Avg=" + pm25 + ",a34004-Flag=N&&";
        assertThat(platform.sendHj212(segment)).contains("CN=9014");
    }

    @Test
    void aPacketAboveTheThresholdIsStreamedAndPostedThenAcknowledgedAndClosedThroughTheApi() throws Exception {
        HttpResponse<Stream<String>> sse = platform.http.send(HttpRequest.newBuilder(
                platform.uri("/api/v1/alerts/stream")).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines());
        assertThat(sse.statusCode()).isEqualTo(200);
        assertThat(sse.headers().firstValue("Content-Type")).hasValueSatisfying(v ->
                assertThat(v).startsWith("text/event-stream"));
        LinkedBlockingQueue<String[]> events = subscribe(sse.body());
        try {
            LocalDateTime hour = LocalDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.HOURS).minusHours(1);
            sendPacket(hour.minusHours(1), 60); // below: nothing
            sendPacket(hour, 180);

            String[] opened = events.poll(15, TimeUnit.SECONDS);
            assertThat(opened).as("SSE event").isNotNull();
            assertThat(opened[0]).isEqualTo("opened");
            assertThat(opened[1]).contains("\"ruleId\":\"pm-low\"").contains("\"subject\":\"ALT01\"")
                    .contains("\"state\":\"open\"").contains("\"value\":180.0").contains("\"severity\":\"major\"")
                    .contains("\"dataTime\":\"" + hour + ":00+08:00\"");
            Matcher m = Pattern.compile("\"id\":(\\d+)").matcher(opened[1]);
            assertThat(m.find()).isTrue();
            long id = Long.parseLong(m.group(1));

            String[] posted = hookCalls.poll(10, TimeUnit.SECONDS);
            assertThat(posted).as("webhook call").isNotNull();
            assertThat(posted[0]).isEqualTo("opened");
            assertThat(posted[1]).isEqualTo(WebhookDispatcher.sign(posted[2].getBytes(StandardCharsets.UTF_8),
                    SECRET));
            assertThat(posted[2]).contains("\"id\":" + id).contains("\"subject\":\"ALT01\"");

            // the list and the alert itself
            assertThat(platform.get("/api/v1/alerts?state=open").body()).contains("\"id\":" + id);
            assertThat(platform.get("/api/v1/alerts/" + id).body()).contains("PM2.5 above the test threshold");

            // acknowledge: note required
            HttpResponse<String> noNote = platform.post("/api/v1/alerts/" + id + "/acknowledge",
                    "{\"operator\":\"li.wei\"}");
            assertThat(noNote.statusCode()).isEqualTo(400);
            assertThat(noNote.headers().firstValue("Content-Type")).contains("application/problem+json");
            assertThat(noNote.body()).contains("'note' is required");
            HttpResponse<String> ack = platform.post("/api/v1/alerts/" + id + "/acknowledge",
                    "{\"note\":\"检查中 checking the analyser\",\"operator\":\"li.wei\"}");
            assertThat(ack.statusCode()).isEqualTo(200);
            assertThat(ack.body()).contains("\"state\":\"acknowledged\"").contains("\"ackOperator\":\"test-admin\"")
                    .contains("检查中");
            String[] acked = events.poll(10, TimeUnit.SECONDS);
            assertThat(acked).isNotNull();
            assertThat(acked[0]).isEqualTo("acknowledged");
            HttpResponse<String> again = platform.post("/api/v1/alerts/" + id + "/acknowledge",
                    "{\"note\":\"x\",\"operator\":\"li.wei\"}");
            assertThat(again.statusCode()).isEqualTo(409);
            assertThat(again.headers().firstValue("Content-Type")).contains("application/problem+json");
            assertThat(platform.get("/api/v1/alerts?state=acknowledged").body()).contains("\"id\":" + id);
            assertThat(platform.get("/api/v1/alerts?state=open").body()).isEqualTo("[]");

            // close by hand
            HttpResponse<String> close = platform.post("/api/v1/alerts/" + id + "/close",
                    "{\"operator\":\"li.wei\",\"note\":\"analyser replaced\"}");
            assertThat(close.statusCode()).isEqualTo(200);
            assertThat(close.body()).contains("\"state\":\"closed\"").contains("\"closedBy\":\"test-admin\"");
            assertThat(events.poll(10, TimeUnit.SECONDS)[0]).isEqualTo("closed");
            assertThat(hookCalls.poll(10, TimeUnit.SECONDS)[0]).isEqualTo("acknowledged");
            assertThat(hookCalls.poll(10, TimeUnit.SECONDS)[0]).isEqualTo("closed");
        } finally {
            sse.body().close();
        }
    }

    @Test
    void answersBadRequestsAsProblemJson() throws Exception {
        platform.problem("/api/v1/alerts?state=pending", 400, "unknown alert state");
        assertThat(platform.get("/api/v1/alerts/987654").statusCode()).isEqualTo(404);
        assertThat(platform.get("/api/v1/alerts/abc").statusCode()).isEqualTo(400);
        // the operator field is no longer required: the authenticated account closes
        assertThat(platform.post("/api/v1/alerts/987654/close", "{}").statusCode()).isEqualTo(404);
        assertThat(platform.post("/api/v1/alerts/987654/close", "{\"operator\":\"x\"}").statusCode())
                .isEqualTo(404);
        assertThat(platform.postAs(null, "/api/v1/alerts/987654/close", "{}").statusCode()).isEqualTo(401);
        assertThat(platform.get("/v3/api-docs").body()).contains("/api/v1/alerts/{id}/acknowledge");
        assertThat(platform.getAs(platform.adminToken(), "/actuator/prometheus").body())
                .contains("envmon_alerts_input_total");
    }
}
