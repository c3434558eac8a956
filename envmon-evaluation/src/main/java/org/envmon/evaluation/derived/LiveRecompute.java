package org.envmon.evaluation.derived;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.envmon.evaluation.AirPollutants;
import org.envmon.evaluation.Recompute;
import org.envmon.model.DerivedStore;
import org.envmon.model.Interval;
import org.envmon.model.ObservationRow;
import org.envmon.model.PacketWrite;
import org.envmon.model.QcFlag;
import org.envmon.model.Site;
import org.envmon.model.SiteQuery;
import org.envmon.model.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the derived air tables current as data arrives: receives the ingest writer's committed batches
 * ({@link #committed}, the signature of the ingest module's {@code CommittedListener}; it only queues there), and
 * every {@code interval} turns the changed (site, hour) keys into the affected cities and stations and the days
 * day(h) … day(h + 23 h), and recomputes them in one read and one write ({@link AirDerivation#applyChanges}).
 * Recomputed city rows go to the live consumers (the alert engine's city AQI feed).
 *
 * <p>Policy: live data (any source but file imports, whose command recomputes its own range) for an hour older than
 * {@code window} is stored as usual but not recomputed here: it is flagged in the late-data table and
 * {@code envmon recompute --late} recomputes it. A review recomputes its range synchronously ({@link #reviewed}).
 * A retroactive QC flag carried by a committed packet (a constant run flagged from its first hour) queues the hours
 * it covers like new values of those hours.
 */
public final class LiveRecompute implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LiveRecompute.class);
    private static final Duration SITES_TTL = Duration.ofMinutes(1);

    private final Store store;
    private final AirDerivation derivation;
    private final Duration interval;
    private final Duration window;
    private final Clock clock;
    /** Changed (site, hour) keys (the pollutant does not change which days are recomputed). */
    private final java.util.Set<Recompute.Change> changes = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Late (site, hour) keys, the first arrival kept. */
    private final java.util.concurrent.ConcurrentHashMap<Recompute.Change, DerivedStore.Late> late =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final List<Consumer<AirDerivation.CityDays>> consumers = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Object work = new Object();
    private final Counter lateCounter;
    private final Counter failures;
    private final Timer cycle;
    private Map<String, Site> sites = Map.of();
    private Instant sitesLoaded = Instant.EPOCH;
    private ScheduledExecutorService timer;

    /**
     * @param interval how often the queued changes are recomputed
     * @param window   live data for hours older than this before now is flagged late instead of recomputed
     */
    public LiveRecompute(Store store, Duration interval, Duration window, Clock clock, MeterRegistry registry) {
        this.store = store;
        this.derivation = new AirDerivation(store.sites(), store.observations(), store.derived());
        this.interval = interval;
        this.window = window;
        this.clock = clock;
        this.lateCounter = Counter.builder("envmon.evaluation.late").description("Live station-hours older than the"
                + " recompute window, flagged for envmon recompute").register(registry);
        this.failures = Counter.builder("envmon.evaluation.recompute.failures").register(registry);
        this.cycle = Timer.builder("envmon.evaluation.recompute").description("Live recompute cycles")
                .publishPercentiles(0.5, 0.99).register(registry);
    }

    public AirDerivation derivation() {
        return derivation;
    }

    /** Receives every recomputed city (hours and days), on the worker thread. */
    public void addConsumer(Consumer<AirDerivation.CityDays> consumer) {
        consumers.add(consumer);
    }

    public synchronized void start() {
        Duration every = interval;
        if (timer != null || every.isZero() || every.isNegative()) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "envmon-recompute");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::runSafely, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        log.info("live recompute of the derived air tables every {} (window {})", every, window);
    }

    /** A durable group commit (called on the ingest writer's thread: only queues). */
    public void committed(List<PacketWrite> stored) {
        Instant oldest = clock.instant().minus(window);
        for (PacketWrite w : stored) {
            String source = w.packet().source();
            if (source != null && source.startsWith("import:")) {
                continue;
            }
            Instant received = w.packet().receivedAt() == null ? clock.instant() : w.packet().receivedAt();
            for (ObservationRow r : w.observations()) {
                if (r.interval() == Interval.HOUR && AirPollutants.indexOf(r.parameter()) >= 0) {
                    queue(r.siteCode(), r.time(), received, oldest);
                }
            }
            // A retroactive QC flag (a stuck run from its first hour) changes the validity of earlier hours.
            for (QcFlag f : w.qcFlags()) {
                if (f.interval() == Interval.HOUR && AirPollutants.indexOf(f.parameter()) >= 0) {
                    for (Instant t = f.from(); t.isBefore(f.to()); t = t.plusSeconds(3600)) {
                        queue(f.siteCode(), t, received, oldest);
                    }
                }
            }
        }
    }

    private void queue(String site, Instant time, Instant received, Instant oldest) {
        Instant hour = time.truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        Recompute.Change key = new Recompute.Change(site, null, hour);
        if (time.isBefore(oldest)) {
            late.computeIfAbsent(key, k -> new DerivedStore.Late(site, hour, received));
        } else {
            changes.add(key);
        }
    }

    /** A review of {@code site} over [from, to) was recorded: recompute what it affects now, before answering. */
    public void reviewed(String site, String parameter, Instant from, Instant to) {
        List<Recompute.Change> c = new ArrayList<>();
        Instant t = from.truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        for (; t.isBefore(to); t = t.plusSeconds(3600)) {
            c.add(new Recompute.Change(site, null, t));
        }
        synchronized (work) {
            recompute(c);
        }
    }

    private void runSafely() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            failures.increment();
            log.warn("live recompute failed (the changes are retried next cycle): {}", e.toString());
        }
    }

    /** Drains the queued changes and recomputes them; returns the number of changes handled. */
    public int runOnce() {
        synchronized (work) {
            List<DerivedStore.Late> l = new ArrayList<>();
            for (Recompute.Change k : new ArrayList<>(late.keySet())) {
                DerivedStore.Late x = late.remove(k);
                if (x != null) {
                    l.add(x);
                }
            }
            if (!l.isEmpty()) {
                store.derived().markLate(l);
                lateCounter.increment(l.size());
            }
            Set<Recompute.Change> c = new LinkedHashSet<>();
            for (Recompute.Change x : new ArrayList<>(changes)) {
                if (changes.remove(x)) {
                    c.add(x);
                }
            }
            if (c.isEmpty()) {
                return 0;
            }
            try {
                recompute(c);
            } catch (RuntimeException e) {
                changes.addAll(c); // retried next cycle
                throw e;
            }
            return c.size();
        }
    }

    private void recompute(Collection<Recompute.Change> c) {
        long t0 = System.nanoTime();
        Map<String, Site> known = sites(c);
        List<Recompute.Change> ok = c.stream().filter(x -> known.containsKey(x.site())).toList();
        if (ok.isEmpty()) {
            return;
        }
        AirDerivation.Result r = derivation.applyChanges(ok, known::get, city -> {
            for (Consumer<AirDerivation.CityDays> k : consumers) {
                try {
                    k.accept(city);
                } catch (RuntimeException e) {
                    log.warn("derived-data consumer failed: {}", e.toString());
                }
            }
        });
        cycle.record(Duration.ofNanos(System.nanoTime() - t0));
        log.debug("recomputed {} changes: {}", c.size(), r);
    }

    /** Recomputes days {@code from … to} of every air station and city (the command and the demo use it). */
    public AirDerivation.Result recomputeAll(LocalDate from, LocalDate to) {
        synchronized (work) {
            return derivation.recomputeAll(from, to);
        }
    }

    /**
     * Recomputes days {@code from … to} of the cities named (with their stations), under the worker's lock like
     * {@link #recomputeAll}: a range rebuilt from the API does not interleave with a live cycle. The rebuilt rows
     * are not sent to the live consumers (old days are no news for the alert engine).
     */
    public AirDerivation.Result recomputeCities(java.util.Set<String> cities, LocalDate from, LocalDate to) {
        synchronized (work) {
            return derivation.recompute(new AirDerivation.Selection(cities, java.util.Set.of()), from, to, x -> { });
        }
    }

    private Map<String, Site> sites(Collection<Recompute.Change> c) {
        Instant now = clock.instant();
        boolean missing = c.stream().anyMatch(x -> !sites.containsKey(x.site()));
        if (missing || now.isAfter(sitesLoaded.plus(SITES_TTL))) {
            Map<String, Site> m = new HashMap<>();
            for (Site s : store.sites().list(SiteQuery.all())) {
                m.put(s.code(), s);
            }
            sites = m;
            sitesLoaded = now;
        }
        return sites;
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }
}
