package org.envmon.alerts.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.envmon.alerts.AlertEvent;
import org.envmon.alerts.Fixtures;
import org.envmon.model.alert.Alert;
import org.envmon.model.alert.AlertKey;
import org.envmon.model.alert.Condition;
import org.envmon.model.alert.Severity;
import org.envmon.model.alert.SubjectType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebhookDispatcherTest {
    private static final String SECRET = "s3cret";
    private static final WebhookDispatcher.Settings FAST = new WebhookDispatcher.Settings(Duration.ofMillis(20),
            Duration.ofMillis(80), 0, 100, Duration.ofSeconds(2));

    private record Received(String event, String delivery, String signature, String body, Instant at) {
    }

    private HttpServer server;
    private final LinkedBlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    /** A dispatcher to one endpoint, signing with {@link #SECRET}. */
    private WebhookDispatcher dispatcher(URI url, WebhookDispatcher.Settings settings) {
        return new WebhookDispatcher(List.of(new WebhookDispatcher.Target(url, SECRET)), settings, registry);
    }

    /** A local endpoint that answers {@code failures} times with {@code failStatus}, then 204. */
    private URI endpoint(int failures, int failStatus) throws Exception {
        AtomicInteger calls = new AtomicInteger();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", ex -> {
            byte[] body = ex.getRequestBody().readAllBytes();
            int n = calls.incrementAndGet();
            received.add(new Received(ex.getRequestHeaders().getFirst("X-EnvMon-Event"),
                    ex.getRequestHeaders().getFirst("X-EnvMon-Delivery"),
                    ex.getRequestHeaders().getFirst("X-EnvMon-Signature"), new String(body, StandardCharsets.UTF_8),
                    Instant.now()));
            ex.sendResponseHeaders(n <= failures ? failStatus : 204, -1);
            ex.close();
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static AlertEvent event(long seq, AlertEvent.Type type) {
        Condition c = new Condition(new AlertKey("pm", "A01", "a34004"), SubjectType.SITE, Severity.WARNING,
                Fixtures.T0, 150, 100.0, true, "PM2.5 \"high\" at 万寿西宫");
        return new AlertEvent(seq, type, Alert.open(seq, c, Fixtures.T0));
    }

    @Test
    void retriesWithBackoffUntilDeliveredSignedAndInOrder() throws Exception {
        try (WebhookDispatcher d = dispatcher(endpoint(3, 503), FAST)) {
            d.onEvent(event(1, AlertEvent.Type.OPENED));
            d.onEvent(event(2, AlertEvent.Type.CLOSED));
            Received[] r = new Received[5];
            for (int i = 0; i < 5; i++) {
                r[i] = received.poll(5, TimeUnit.SECONDS);
                assertThat(r[i]).as("request %d", i).isNotNull();
            }
            // event 1 three times refused, then accepted; event 2 waited behind it
            assertThat(r).extracting(Received::delivery).containsExactly("1", "1", "1", "1", "2");
            assertThat(r[4].event()).isEqualTo("closed");
            for (Received x : r) {
                assertThat(x.signature()).isEqualTo(WebhookDispatcher.sign(x.body().getBytes(StandardCharsets.UTF_8),
                        SECRET));
            }
            assertThat(r[0].signature()).matches("sha256=[0-9a-f]{64}");
            assertThat(r[0].body()).startsWith("{\"event\":\"opened\",\"sequence\":1,\"alert\":{\"id\":1,")
                    .contains("\"message\":\"PM2.5 \\\"high\\\" at 万寿西宫\"");
            // backoff: 20 ms, 40 ms, 80 ms between the attempts
            assertThat(Duration.between(r[0].at(), r[3].at())).isGreaterThanOrEqualTo(Duration.ofMillis(130));
            awaitPending(d, 0);
            assertThat(registry.get("envmon.alerts.webhook.deliveries").tag("outcome", "retry").counter().count())
                    .isEqualTo(3);
            assertThat(registry.get("envmon.alerts.webhook.deliveries").tag("outcome", "delivered").counter()
                    .count()).isEqualTo(2);
        }
    }

    @Test
    void aDownEndpointNeverBlocksTheCallerAndKeepsEventsInTheBoundedOutbox() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // closed again: connections are refused
        }
        WebhookDispatcher.Settings small = new WebhookDispatcher.Settings(Duration.ofMillis(20),
                Duration.ofMillis(50), 0, 5, Duration.ofSeconds(1));
        try (WebhookDispatcher d = dispatcher(URI.create("http://127.0.0.1:" + port + "/down"), small)) {
            // A hang guard, not a speed check: with no attempt limit, a caller that waited for delivery would never
            // return from the refused endpoint.
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
                for (int i = 1; i <= 8; i++) {
                    d.onEvent(event(i, AlertEvent.Type.OPENED));
                }
            });
            assertThat(d.pending()).isEqualTo(5);
            assertThat(registry.get("envmon.alerts.webhook.deliveries").tag("outcome", "evicted").counter().count())
                    .isEqualTo(3);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (registry.get("envmon.alerts.webhook.deliveries").tag("outcome", "retry").counter().count() < 3) {
                assertThat(System.nanoTime()).isLessThan(deadline);
                Thread.sleep(10);
            }
            assertThat(d.pending()).isEqualTo(5); // kept for later
        }
    }

    @Test
    void aPermanentRefusalIsDroppedAndTheNextEventGoesOut() throws Exception {
        try (WebhookDispatcher d = dispatcher(endpoint(1, 400), FAST)) {
            d.onEvent(event(1, AlertEvent.Type.OPENED));
            d.onEvent(event(2, AlertEvent.Type.OPENED));
            assertThat(received.poll(5, TimeUnit.SECONDS).delivery()).isEqualTo("1");
            assertThat(received.poll(5, TimeUnit.SECONDS).delivery()).isEqualTo("2");
            awaitPending(d, 0);
            assertThat(registry.get("envmon.alerts.webhook.deliveries").tag("outcome", "refused").counter().count())
                    .isEqualTo(1);
        }
    }

    @Test
    void backoffDoublesUpToTheCap() {
        WebhookDispatcher.Settings s = WebhookDispatcher.Settings.defaults();
        assertThat(s.backoff(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(s.backoff(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(s.backoff(4)).isEqualTo(Duration.ofSeconds(8));
        assertThat(s.backoff(30)).isEqualTo(Duration.ofMinutes(5));
    }

    private static void awaitPending(WebhookDispatcher d, int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (d.pending() != n) {
            assertThat(System.nanoTime()).isLessThan(deadline);
            Thread.sleep(5);
        }
    }
}
