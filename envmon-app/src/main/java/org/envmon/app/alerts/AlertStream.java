package org.envmon.app.alerts;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.envmon.alerts.AlertEvent;
import org.envmon.alerts.AlertSubscriber;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-Sent Events to every connected client: event name = event type (opened, acknowledged, closed), id = the
 * event sequence, data = the alert JSON ({@link AlertView}); a keep-alive comment every {@code keepAlive}. Writing
 * happens on one thread of its own with a bounded backlog, so a slow client delays other clients, never the engine;
 * events beyond the backlog are dropped and counted ({@code envmon.alerts.sse.dropped}). No replay: a client that
 * reconnects reads what it missed from {@code GET /api/v1/alerts}. Streams are completed at shutdown (so the
 * graceful shutdown does not wait for them).
 *
 * <p>A stream holds no request thread (servlet async, no timeout) and one connection; the servlet container notices a
 * client that went away only when it writes, so the keep-alive is also what removes dead streams (within one
 * interval). At most {@code maxClients} streams are held; beyond that {@link #open()} refuses with
 * {@link TooManyStreams} so that streams cannot take every connection the HTTP connector accepts.
 */
public class AlertStream implements AlertSubscriber, SmartLifecycle {
    private final List<SseEmitter> clients = new CopyOnWriteArrayList<>();
    private final ThreadPoolExecutor writer;
    private final ScheduledExecutorService keepAlive;
    private final Counter dropped;
    private final int maxClients;
    private volatile boolean running;

    AlertStream(Duration keepAliveEvery, int maxClients, MeterRegistry registry) {
        this.maxClients = maxClients;
        this.writer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(10_000),
                r -> daemon(r, "envmon-alerts-sse"));
        this.keepAlive = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "envmon-alerts-sse-keepalive"));
        this.dropped = Counter.builder("envmon.alerts.sse.dropped").register(registry);
        registry.gauge("envmon.alerts.sse.clients", clients, List::size);
        long ms = keepAliveEvery.toMillis();
        keepAlive.scheduleAtFixedRate(() -> submit(() -> broadcast(() -> SseEmitter.event().comment("keep-alive"))),
                ms, ms, TimeUnit.MILLISECONDS);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** A new stream; the first comment is sent at once so the client sees the response start. */
    SseEmitter open() {
        if (clients.size() >= maxClients) {
            throw new TooManyStreams(maxClients);
        }
        SseEmitter emitter = new SseEmitter(0L); // no timeout: the keep-alive finds dead clients
        emitter.onCompletion(() -> clients.remove(emitter));
        emitter.onTimeout(() -> clients.remove(emitter));
        emitter.onError(e -> clients.remove(emitter));
        try {
            emitter.send(SseEmitter.event().comment("envmon alerts"));
        } catch (IOException e) {
            emitter.completeWithError(e);
            return emitter;
        }
        clients.add(emitter);
        return emitter;
    }

    int clientCount() {
        return clients.size();
    }

    /** The stream limit ({@code envmon.alerts.sse-max-clients}) is reached. */
    static final class TooManyStreams extends RuntimeException {
        TooManyStreams(int max) {
            super("the alert stream already serves " + max + " clients: retry later or poll GET /api/v1/alerts");
        }
    }

    @Override
    public void onEvent(AlertEvent e) {
        submit(() -> {
            AlertView view = AlertView.of(e.alert());
            broadcast(() -> SseEmitter.event().id(Long.toString(e.sequence())).name(e.type().code())
                    .data(view, MediaType.APPLICATION_JSON));
        });
    }

    private void submit(Runnable task) {
        try {
            writer.execute(task);
        } catch (RejectedExecutionException ex) {
            dropped.increment();
        }
    }

    /** A fresh builder per client: a built event cannot be sent twice. */
    private void broadcast(Supplier<SseEmitter.SseEventBuilder> event) {
        for (SseEmitter c : clients) {
            try {
                c.send(event.get());
            } catch (IOException | IllegalStateException ex) {
                clients.remove(c);
                c.completeWithError(ex);
            }
        }
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        keepAlive.shutdownNow();
        writer.shutdownNow();
        for (SseEmitter c : clients) {
            try {
                c.complete();
            } catch (RuntimeException ignored) {
                // the client is gone already
            }
        }
        clients.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
