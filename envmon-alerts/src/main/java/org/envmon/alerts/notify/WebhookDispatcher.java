package org.envmon.alerts.notify;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.envmon.alerts.AlertEvent;
import org.envmon.alerts.AlertSubscriber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers alert events to webhook endpoints: an HTTP POST of {@link AlertJson#event} with
 * {@code X-EnvMon-Signature: sha256=<hex HMAC-SHA256 of the body with the endpoint's secret>},
 * {@code X-EnvMon-Event} (opened, acknowledged, closed) and {@code X-EnvMon-Delivery} (the event sequence, for the
 * receiver to drop repeats).
 *
 * <p>Never blocks the engine: {@link #onEvent} only appends to each endpoint's bounded outbox; one scheduler thread
 * and the HTTP client's asynchronous sends do the rest. Per endpoint, events are sent one at a time, in order; a
 * failed send (connection error, timeout, HTTP 5xx, 408 or 429) is retried with exponential backoff
 * ({@code initialBackoff} doubling up to {@code maxBackoff}) while later events wait behind it. Any other 4xx answer
 * is taken as a permanent refusal and the event is dropped. Delivery is at least once (a receiver may see an event
 * again after a timeout) and only while the process runs: the outbox is in memory; when it is full the oldest event
 * is evicted (counted). The alert itself is never lost: it stays in the repository and the list API.
 */
public final class WebhookDispatcher implements AlertSubscriber, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final HexFormat HEX = HexFormat.of();

    /** @param secret HMAC key; null or blank sends no signature header */
    public record Target(URI url, String secret) {
        public Target {
            Objects.requireNonNull(url, "url");
            String scheme = url.getScheme();
            if (scheme == null || !(scheme.equals("http") || scheme.equals("https"))) {
                throw new IllegalArgumentException("webhook url must be http or https: " + url);
            }
        }

        @Override
        public String toString() {
            return "Target[" + url + "]"; // never the secret
        }
    }

    /**
     * @param maxAttempts    attempts per event before it is given up; 0 = keep trying (until evicted)
     * @param outboxCapacity events waiting per endpoint
     */
    public record Settings(Duration initialBackoff, Duration maxBackoff, int maxAttempts, int outboxCapacity,
                           Duration requestTimeout) {
        public Settings {
            if (initialBackoff.isNegative() || initialBackoff.isZero() || maxBackoff.compareTo(initialBackoff) < 0) {
                throw new IllegalArgumentException("need 0 < initialBackoff <= maxBackoff");
            }
            if (maxAttempts < 0 || outboxCapacity < 1) {
                throw new IllegalArgumentException("need maxAttempts >= 0 and outboxCapacity >= 1");
            }
            Objects.requireNonNull(requestTimeout, "requestTimeout");
        }

        /** 1 s doubling to 5 min, no attempt limit, 10 000 events per endpoint, 10 s per request. */
        public static Settings defaults() {
            return new Settings(Duration.ofSeconds(1), Duration.ofMinutes(5), 0, 10_000, Duration.ofSeconds(10));
        }

        /** The wait before attempt {@code n + 1} after {@code n} failures (n >= 1). */
        public Duration backoff(int failures) {
            long ms = initialBackoff.toMillis();
            for (int i = 1; i < failures && ms < maxBackoff.toMillis(); i++) {
                ms *= 2;
            }
            return Duration.ofMillis(Math.min(ms, maxBackoff.toMillis()));
        }
    }

    private record Delivery(long sequence, String event, byte[] body) {
    }

    private final class Endpoint {
        final Target target;
        final Deque<Delivery> outbox = new ArrayDeque<>();
        boolean busy;
        int failures;

        Endpoint(Target target) {
            this.target = target;
        }
    }

    private final List<Endpoint> endpoints = new ArrayList<>();
    private final Settings settings;
    private final HttpClient http;
    private final ScheduledExecutorService scheduler;
    private final Counter delivered;
    private final Counter retried;
    private final Counter refused;
    private final Counter gaveUp;
    private final Counter evicted;
    private volatile boolean closed;

    public WebhookDispatcher(List<Target> targets, Settings settings, MeterRegistry registry) {
        for (Target t : targets) {
            endpoints.add(new Endpoint(t));
        }
        this.settings = Objects.requireNonNull(settings, "settings");
        this.http = HttpClient.newBuilder().connectTimeout(settings.requestTimeout()).build();
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "envmon-alerts-webhook");
            t.setDaemon(true);
            return t;
        });
        this.delivered = counter(registry, "delivered");
        this.retried = counter(registry, "retry");
        this.refused = counter(registry, "refused");
        this.gaveUp = counter(registry, "gave_up");
        this.evicted = counter(registry, "evicted");
        registry.gauge("envmon.alerts.webhook.outbox", this, WebhookDispatcher::pending);
    }

    private static Counter counter(MeterRegistry registry, String outcome) {
        return Counter.builder("envmon.alerts.webhook.deliveries").tag("outcome", outcome).register(registry);
    }

    /** {@code sha256=<hex>}: the HMAC-SHA256 of the body with the secret, as sent in X-EnvMon-Signature. */
    public static String sign(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HEX.formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Events waiting in all outboxes (including one in flight per endpoint). */
    public int pending() {
        int n = 0;
        for (Endpoint e : endpoints) {
            synchronized (e) {
                n += e.outbox.size();
            }
        }
        return n;
    }

    @Override
    public void onEvent(AlertEvent event) {
        if (endpoints.isEmpty() || closed) {
            return;
        }
        Delivery d = new Delivery(event.sequence(), event.type().code(),
                AlertJson.event(event).getBytes(StandardCharsets.UTF_8));
        for (Endpoint e : endpoints) {
            boolean start;
            synchronized (e) {
                if (e.outbox.size() >= settings.outboxCapacity()) {
                    Delivery old = e.outbox.pollFirst();
                    evicted.increment();
                    log.warn("webhook {}: outbox full, event {} evicted", e.target.url(), old.sequence());
                }
                e.outbox.addLast(d);
                start = !e.busy;
                e.busy = true;
            }
            if (start) {
                schedule(e, Duration.ZERO);
            }
        }
    }

    private void schedule(Endpoint e, Duration delay) {
        try {
            scheduler.schedule(() -> send(e), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException ex) {
            // closed: what is left in the outbox is not delivered
        }
    }

    private void send(Endpoint e) {
        Delivery d;
        synchronized (e) {
            d = e.outbox.peekFirst();
            if (d == null || closed) {
                e.busy = false;
                return;
            }
        }
        HttpRequest.Builder req = HttpRequest.newBuilder(e.target.url())
                .timeout(settings.requestTimeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "EnvMon-Alerts")
                .header("X-EnvMon-Event", d.event())
                .header("X-EnvMon-Delivery", Long.toString(d.sequence()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(d.body()));
        if (e.target.secret() != null && !e.target.secret().isBlank()) {
            req.header("X-EnvMon-Signature", sign(d.body(), e.target.secret()));
        }
        http.sendAsync(req.build(), HttpResponse.BodyHandlers.discarding())
                .whenComplete((resp, err) -> done(e, d, resp == null ? -1 : resp.statusCode(), err));
    }

    private void done(Endpoint e, Delivery d, int status, Throwable err) {
        boolean ok = err == null && status >= 200 && status < 300;
        boolean permanent = err == null && status >= 400 && status < 500 && status != 408 && status != 429;
        Duration delay = Duration.ZERO;
        synchronized (e) {
            if (ok || permanent) {
                e.outbox.remove(d);
                e.failures = 0;
                (ok ? delivered : refused).increment();
                if (permanent) {
                    log.warn("webhook {} refused event {} with HTTP {}; dropped", e.target.url(), d.sequence(), status);
                }
            } else {
                e.failures++;
                if (settings.maxAttempts() > 0 && e.failures >= settings.maxAttempts()) {
                    e.outbox.remove(d);
                    e.failures = 0;
                    gaveUp.increment();
                    log.warn("webhook {}: event {} given up after {} attempts", e.target.url(), d.sequence(),
                            settings.maxAttempts());
                } else {
                    retried.increment();
                    delay = settings.backoff(e.failures);
                    log.debug("webhook {}: event {} failed ({}), retry in {}", e.target.url(), d.sequence(),
                            err != null ? err.toString() : "HTTP " + status, delay);
                }
            }
        }
        schedule(e, delay);
    }

    /** Stops sending; events still in the outboxes are not delivered. */
    @Override
    public void close() {
        closed = true;
        scheduler.shutdownNow();
    }
}
