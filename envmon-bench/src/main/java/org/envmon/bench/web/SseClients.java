package org.envmon.bench.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Many Server-Sent Events clients held open against a running platform, to measure what they cost it. Non-blocking
 * (one {@link HttpClient}, a line subscriber per stream, no thread per client); connects at a steady pace, holds
 * every stream for the given time, then hangs up and prints what it saw: streams opened, refused (status), failed,
 * events and keep-alive comments received, streams the server ended early.
 *
 * <pre>java -cp envmon-bench/target/envmon-bench.jar org.envmon.bench.web.SseClients \
 *     --url http://127.0.0.1:8080/api/v1/alerts/stream --clients 1000 --seconds 60 [--connect-per-second 200]</pre>
 */
public final class SseClients {
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger endedEarly = new AtomicInteger();
    private final AtomicLong events = new AtomicLong();
    private final AtomicLong comments = new AtomicLong();
    private final Map<String, AtomicInteger> refused = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> failed = new ConcurrentHashMap<>();
    private final List<Flow.Subscription> subscriptions = new ArrayList<>();
    private volatile boolean closing;

    public static void main(String[] argv) throws Exception {
        Map<String, String> a = new HashMap<>(Map.of("--url", "http://127.0.0.1:8080/api/v1/alerts/stream",
                "--clients", "1000", "--seconds", "60", "--connect-per-second", "200"));
        for (int i = 0; i + 1 < argv.length; i += 2) {
            a.put(argv[i], argv[i + 1]);
        }
        new SseClients().run(URI.create(a.get("--url")), Integer.parseInt(a.get("--clients")),
                Duration.ofSeconds(Long.parseLong(a.get("--seconds"))),
                Integer.parseInt(a.get("--connect-per-second")));
    }

    void run(URI url, int clients, Duration hold, int perSecond) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest request = HttpRequest.newBuilder(url).header("Accept", "text/event-stream").build();
        List<CompletableFuture<?>> responses = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < clients; i++) {
            long due = t0 + i * 1_000_000_000L / perSecond;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            responses.add(http.sendAsync(request, info -> info.statusCode() == 200
                    ? HttpResponse.BodySubscribers.fromLineSubscriber(new Lines())
                    : HttpResponse.BodySubscribers.discarding()).handle((r, e) -> {
                        if (e != null) {
                            count(failed, rootCause(e));
                        } else if (r.statusCode() != 200) {
                            count(refused, Integer.toString(r.statusCode()));
                        }
                        return null;
                    }));
        }
        long deadline = System.currentTimeMillis() + 30_000;
        while (open.get() + total(refused) + total(failed) < clients && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        System.out.printf("connected %d streams in %.1f s (refused %s, failed %s)%n", open.get(),
                (System.nanoTime() - t0) / 1e9, refused, failed);
        long end = System.currentTimeMillis() + hold.toMillis();
        while (System.currentTimeMillis() < end) {
            Thread.sleep(Math.min(10_000, Math.max(1, end - System.currentTimeMillis())));
            System.out.printf("  open %d, events %d, keep-alive comments %d, ended by the server %d%n", open.get(),
                    events.get(), comments.get(), endedEarly.get());
        }
        closing = true;
        synchronized (subscriptions) {
            subscriptions.forEach(Flow.Subscription::cancel);
        }
        System.out.printf("held %d streams for %d s: events %d, keep-alive comments %d, ended by the server %d, "
                        + "refused %s, failed %s%n", open.get(), hold.toSeconds(), events.get(), comments.get(),
                endedEarly.get(), refused, failed);
        responses.forEach(f -> f.cancel(true));
    }

    private static void count(Map<String, AtomicInteger> m, String key) {
        m.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    }

    private static int total(Map<String, AtomicInteger> m) {
        return m.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    private static String rootCause(Throwable e) {
        while (e.getCause() != null) {
            e = e.getCause();
        }
        return e.getClass().getSimpleName();
    }

    /** One stream's lines: "event:" starts an event, ":" is a comment (the server's keep-alive). */
    private final class Lines implements Flow.Subscriber<String> {
        @Override
        public void onSubscribe(Flow.Subscription s) {
            synchronized (subscriptions) {
                subscriptions.add(s);
            }
            open.incrementAndGet();
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            if (line.startsWith("event:")) {
                events.incrementAndGet();
            } else if (line.startsWith(":")) {
                comments.incrementAndGet();
            }
        }

        @Override
        public void onError(Throwable e) {
            ended();
        }

        @Override
        public void onComplete() {
            ended();
        }

        private void ended() {
            if (!closing) {
                open.decrementAndGet();
                endedEarly.incrementAndGet();
            }
        }
    }
}
