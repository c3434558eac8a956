package org.envmon.app.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
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
 * Many SSE clients on the running platform: 50 streams (the configured limit) each receive the alert opened by one
 * HJ 212 packet; a 51st is refused with 503; the streams of clients that hung up are removed (found by the
 * keep-alive, here every second), and their places can be taken again.
 */
class AlertStreamClientsTest {
    private static final String MN = "SSE0000000000000000000001";
    private static final int CLIENTS = 50;

    static RunningPlatform platform;
    @RegisterExtension
    static final PlatformPerClass<RunningPlatform> started = PlatformPerClass.duckdb("envmon.alerts.sse-keep-alive=1s",
            "envmon.alerts.sse-max-clients=" + CLIENTS)
            .with(dir -> RunningPlatform.rulesFile(dir, AlertsEndToEndTest.PM_ABOVE_100)).then(p -> {
                platform = p;
                platform.bean(SiteStore.class).upsert(List.of(new Site("SSE01", "推送测试站", Medium.AIR, MN,
                        PasswordHash.hash("123456"), "北京市", "北京", null, null, 39.9, 116.4, false)));
            });

    private static HttpResponse<InputStream> connect() throws Exception {
        return platform.http.send(HttpRequest.newBuilder(platform.uri("/api/v1/alerts/stream"))
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    /** The name of the first event (not a comment) on the stream, read on a thread of its own. */
    private static CompletableFuture<String> firstEvent(InputStream body) {
        return CompletableFuture.supplyAsync(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    if (line.startsWith("event:")) {
                        return line.substring(6).strip();
                    }
                }
                return "end of stream";
            } catch (Exception e) {
                return e.toString();
            }
        }, command -> {
            Thread t = new Thread(command, "sse-client");
            t.setDaemon(true);
            t.start();
        });
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(condition.getAsBoolean()).as(what).isTrue();
    }

    @Test
    void everyClientReceivesTheAlertAndClientsThatLeftAreRemoved() throws Exception {
        AlertStream stream = platform.bean(AlertStream.class);
        List<HttpResponse<InputStream>> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            HttpResponse<InputStream> r = connect();
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-cache");
            assertThat(r.headers().firstValue("X-Accel-Buffering")).hasValue("no");
            clients.add(r);
        }
        await(() -> stream.clientCount() == CLIENTS, "all streams held");

        HttpResponse<InputStream> oneTooMany = connect();
        assertThat(oneTooMany.statusCode()).isEqualTo(503);
        assertThat(oneTooMany.headers().firstValue("Retry-After")).isPresent();
        assertThat(new String(oneTooMany.body().readAllBytes(), StandardCharsets.UTF_8))
                .contains("already serves 50 clients");

        List<CompletableFuture<String>> events = clients.stream().map(c -> firstEvent(c.body())).toList();
        LocalDateTime hour = LocalDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.HOURS);
        String segment = "QN=" + hour.format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss")) + "001;ST=22;CN=2061;"
                + "PW=123456;MN=" + MN + ";Flag=5;CP=&&DataTime=" + Hj212Encoder.formatTime(hour)
                + ";a34004-Avg=180,a34004-Flag=N&&";
        assertThat(platform.sendHj212(segment)).contains("CN=9014");
        for (CompletableFuture<String> e : events) {
            assertThat(e.get(60, TimeUnit.SECONDS)).isEqualTo("opened");
        }

        // The readers have returned, closing their bodies: the clients hung up. The keep-alive finds them gone.
        await(() -> stream.clientCount() == 0, "streams of clients that hung up removed");
        HttpResponse<InputStream> again = connect();
        assertThat(again.statusCode()).isEqualTo(200);
        await(() -> stream.clientCount() == 1, "a new stream takes a freed place");
        again.body().close();
    }
}
