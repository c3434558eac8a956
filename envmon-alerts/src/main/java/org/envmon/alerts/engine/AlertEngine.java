package org.envmon.alerts.engine;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.envmon.alerts.AlertEvent;
import org.envmon.alerts.AlertNotFoundException;
import org.envmon.alerts.AlertSubscriber;
import org.envmon.alerts.repository.AlertRepository;
import org.envmon.alerts.repository.StoreAlertRepository;
import org.envmon.alerts.rules.AlertRule;
import org.envmon.alerts.rules.DerivedAirDay;
import org.envmon.alerts.rules.DerivedAirUpdate;
import org.envmon.alerts.rules.RuleContext;
import org.envmon.ingest.CommittedListener;
import org.envmon.model.ObservationRow;
import org.envmon.model.PacketWrite;
import org.envmon.model.Site;
import org.envmon.model.alert.Alert;
import org.envmon.model.alert.AlertKey;
import org.envmon.model.alert.AlertState;
import org.envmon.model.alert.AlertTransitionException;
import org.envmon.model.alert.Condition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rule engine. Inputs (committed batches from the ingest writer, derived city data: hourly and daily AQI, clock
 * ticks) are only queued by the caller's thread, in a bounded queue; one worker thread evaluates the rules and turns
 * what they report into alert transitions, which are saved in the {@link AlertRepository} and published to the
 * subscribers.
 *
 * <p>Guarantees: at most one active (open or acknowledged) alert per {@link AlertKey} — a persisting condition
 * updates the alert's latest and peak values but opens nothing new; a cleared condition closes the alert
 * automatically (by {@link Alert#SYSTEM}); an operator can acknowledge an open alert (with a note) and close an active
 * one. An alert closed by hand while its condition persists is not reopened until the condition has cleared and
 * come back. When the input queue is full the input is dropped and counted ({@code envmon.alerts.input{outcome=dropped}}):
 * the ingest path is never slowed down by alerting.
 *
 * <p>Restart: an engine created over a repository that survives restarts ({@link StoreAlertRepository}) continues
 * the event sequence, and hands the still-active alerts to their rules ({@link AlertRule#restore}), so a persisting
 * condition updates its alert instead of opening a duplicate and a cleared one closes it. Not carried over: an alert
 * closed by hand while its condition persisted; if the condition still persists after the restart, the rule reports
 * it again and a new alert opens (the repository does not know whether the condition cleared meanwhile, and a
 * repeated alert is preferred to a missed one).
 */
public final class AlertEngine implements CommittedListener, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AlertEngine.class);
    private static final Duration SITE_TTL = Duration.ofMinutes(5);
    private static final Duration UNKNOWN_SITE_TTL = Duration.ofMinutes(1);

    private sealed interface Input permits Batch, Derived, DerivedDay, Tick {
    }

    private record Batch(List<PacketWrite> writes) implements Input {
    }

    private record Derived(DerivedAirUpdate update) implements Input {
    }

    private record DerivedDay(DerivedAirDay day) implements Input {
    }

    private record Tick(Instant now) implements Input {
    }

    private record CachedSite(Optional<Site> site, Instant until) {
    }

    private final List<AlertRule> rules;
    private final Map<String, List<AlertRule>> byParameter = new HashMap<>();
    private final AlertRepository repository;
    private final Function<String, Optional<Site>> siteLookup;
    private final Clock clock;
    private final BlockingQueue<Input> queue;
    private final List<AlertSubscriber> subscribers = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    private final AtomicLong sequence = new AtomicLong();
    private final Map<String, CachedSite> sites = new HashMap<>();
    private final Context context = new Context();

    private final Counter queued;
    private final Counter dropped;
    private final Counter ruleErrors;
    private final Map<AlertEvent.Type, Counter> events = new EnumMap<>(AlertEvent.Type.class);

    private volatile boolean running;
    private Thread worker;
    private ScheduledExecutorService ticker;

    /**
     * @param siteLookup    site by code (normally {@code SiteStore::byCode}); called on the worker thread and cached
     * @param queueCapacity inputs waiting for evaluation before new ones are dropped
     */
    public AlertEngine(List<AlertRule> rules, AlertRepository repository, Function<String, Optional<Site>> siteLookup,
                       Clock clock, int queueCapacity, MeterRegistry registry) {
        this.rules = List.copyOf(rules);
        Set<String> ids = new LinkedHashSet<>();
        for (AlertRule r : this.rules) {
            if (!ids.add(r.id())) {
                throw new IllegalArgumentException("duplicate rule id " + r.id());
            }
            for (String p : r.parameters()) {
                byParameter.computeIfAbsent(p, k -> new ArrayList<>()).add(r);
            }
        }
        this.repository = Objects.requireNonNull(repository, "repository");
        this.siteLookup = Objects.requireNonNull(siteLookup, "siteLookup");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.queued = Counter.builder("envmon.alerts.input").tag("outcome", "queued").register(registry);
        this.dropped = Counter.builder("envmon.alerts.input").tag("outcome", "dropped").register(registry);
        this.ruleErrors = Counter.builder("envmon.alerts.rule.errors").register(registry);
        for (AlertEvent.Type t : AlertEvent.Type.values()) {
            events.put(t, Counter.builder("envmon.alerts.events").tag("type", t.code()).register(registry));
        }
        registry.gauge("envmon.alerts.queue.depth", queue, BlockingQueue::size);
        restore();
    }

    /**
     * Picks up where a previous engine over the same repository left off (a restart): the event numbering continues,
     * and each rule is given its still-active alerts ({@link AlertRule#restore}) so that it persists or clears them.
     */
    private void restore() {
        sequence.set(repository.lastEventSequence());
        Map<String, AlertRule> byId = new HashMap<>();
        rules.forEach(r -> byId.put(r.id(), r));
        for (AlertState state : List.of(AlertState.OPEN, AlertState.ACKNOWLEDGED)) {
            for (Alert a : repository.list(state, Integer.MAX_VALUE)) {
                AlertRule r = byId.get(a.ruleId());
                if (r != null) {
                    safely(r, () -> r.restore(a));
                }
            }
        }
    }

    public List<AlertRule> rules() {
        return rules;
    }

    /**
     * Starts the worker thread, and a tick every {@code tickEvery} (for time-based rules such as offline).
     *
     * @param tickEvery null or zero for no automatic tick
     */
    public synchronized void start(Duration tickEvery) {
        if (running) {
            return;
        }
        running = true;
        worker = new Thread(this::run, "envmon-alerts");
        worker.setDaemon(true);
        worker.start();
        if (tickEvery != null && !tickEvery.isZero() && !tickEvery.isNegative()) {
            ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "envmon-alerts-tick");
                t.setDaemon(true);
                return t;
            });
            ticker.scheduleAtFixedRate(this::tick, tickEvery.toMillis(), tickEvery.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    // ---- inputs: queue only ----

    /** From the ingest writer thread: queues the batch and returns at once. */
    @Override
    public void committed(List<PacketWrite> stored) {
        offer(new Batch(stored));
    }

    /** Derived city air data from the evaluation service. */
    public void derived(DerivedAirUpdate update) {
        offer(new Derived(Objects.requireNonNull(update, "update")));
    }

    /** Derived daily city AQI (final or running value of a day) from the evaluation service. */
    public void derivedDay(DerivedAirDay day) {
        offer(new DerivedDay(Objects.requireNonNull(day, "day")));
    }

    /** Queues a clock tick (time-based rules); the worker evaluates it with the engine clock's time. */
    public void tick() {
        offer(new Tick(clock.instant()));
    }

    private void offer(Input in) {
        if (queue.offer(in)) {
            queued.increment();
        } else {
            dropped.increment();
        }
    }

    /** Inputs dropped because the queue was full, since start. */
    public long droppedInputs() {
        return (long) dropped.count();
    }

    /**
     * Evaluates everything queued, on the calling thread. For tests and tools that run the engine without
     * {@link #start}; refused while the worker runs.
     */
    public void processPending() {
        if (running) {
            throw new IllegalStateException("the worker thread is running");
        }
        Input in;
        while ((in = queue.poll()) != null) {
            evaluate(in);
        }
    }

    private void run() {
        while (running || !queue.isEmpty()) {
            try {
                Input in = queue.poll(100, TimeUnit.MILLISECONDS);
                if (in != null) {
                    evaluate(in);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("alert evaluation failed: {}", e.toString());
            }
        }
    }

    private void evaluate(Input in) {
        if (in instanceof Batch b) {
            for (PacketWrite w : b.writes()) {
                String lastSite = null;
                for (ObservationRow row : w.observations()) {
                    if (!row.siteCode().equals(lastSite)) {
                        lastSite = row.siteCode();
                        for (AlertRule r : rules) {
                            safely(r, () -> r.onPacket(row.siteCode(), w.packet(), context));
                        }
                    }
                    List<AlertRule> wanted = byParameter.get(row.parameter());
                    if (wanted != null) {
                        for (AlertRule r : wanted) {
                            safely(r, () -> r.onObservation(row, context));
                        }
                    }
                }
            }
            for (AlertRule r : rules) {
                safely(r, () -> r.onBatchEnd(context));
            }
        } else if (in instanceof Derived d) {
            for (AlertRule r : rules) {
                safely(r, () -> r.onDerivedAir(d.update(), context));
            }
        } else if (in instanceof DerivedDay d) {
            for (AlertRule r : rules) {
                safely(r, () -> r.onDerivedAirDay(d.day(), context));
            }
        } else if (in instanceof Tick t) {
            for (AlertRule r : rules) {
                safely(r, () -> r.onTick(t.now(), context));
            }
        }
    }

    private void safely(AlertRule rule, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            ruleErrors.increment();
            log.warn("rule {} failed: {}", rule.id(), e.toString());
        }
    }

    // ---- what rules report ----

    private final class Context implements RuleContext {
        @Override
        public Instant now() {
            return clock.instant();
        }

        @Override
        public Optional<Site> site(String code) {
            Instant now = clock.instant();
            CachedSite c = sites.get(code);
            if (c == null || now.isAfter(c.until())) {
                Optional<Site> s;
                try {
                    s = siteLookup.apply(code);
                } catch (RuntimeException e) {
                    log.warn("site lookup of {} failed: {}", code, e.toString());
                    return c == null ? Optional.empty() : c.site();
                }
                c = new CachedSite(s, now.plus(s.isPresent() ? SITE_TTL : UNKNOWN_SITE_TTL));
                sites.put(code, c);
            }
            return c.site();
        }

        @Override
        public void raise(Condition condition) {
            synchronized (lock) {
                Instant now = clock.instant();
                Optional<Alert> active = repository.findActive(condition.key());
                if (active.isPresent()) {
                    repository.save(active.get().observe(condition.value(), condition.higherIsWorse(), now));
                    return;
                }
                Alert a = Alert.open(repository.nextId(), condition, now);
                repository.save(a);
                publish(AlertEvent.Type.OPENED, a);
            }
        }

        @Override
        public void persist(AlertKey key, double value, boolean higherIsWorse) {
            synchronized (lock) {
                repository.findActive(key).ifPresent(a ->
                        repository.save(a.observe(value, higherIsWorse, clock.instant())));
            }
        }

        @Override
        public void clear(AlertKey key, String reason) {
            synchronized (lock) {
                Optional<Alert> active = repository.findActive(key);
                if (active.isPresent()) {
                    Alert a = active.get().close(Alert.SYSTEM, "condition cleared: " + reason, clock.instant());
                    repository.save(a);
                    publish(AlertEvent.Type.CLOSED, a);
                }
            }
        }
    }

    private void publish(AlertEvent.Type type, Alert alert) {
        events.get(type).increment();
        AlertEvent e = new AlertEvent(sequence.incrementAndGet(), type, alert);
        for (AlertSubscriber s : subscribers) {
            try {
                s.onEvent(e);
            } catch (RuntimeException ex) {
                log.warn("alert subscriber failed: {}", ex.toString());
            }
        }
    }

    // ---- operators ----

    /**
     * Acknowledges an open alert.
     *
     * @param operator who acknowledges (required)
     * @param note     why / what is being done (required)
     * @throws AlertNotFoundException   no such alert
     * @throws AlertTransitionException the alert is not open
     * @throws IllegalArgumentException operator or note blank
     */
    public Alert acknowledge(long id, String operator, String note) {
        requireText("operator", operator);
        requireText("note", note);
        synchronized (lock) {
            Alert a = repository.find(id).orElseThrow(() -> new AlertNotFoundException(id))
                    .acknowledge(operator.strip(), note.strip(), clock.instant());
            repository.save(a);
            publish(AlertEvent.Type.ACKNOWLEDGED, a);
            return a;
        }
    }

    /**
     * Closes an open or acknowledged alert by hand.
     *
     * @param operator who closes (required)
     * @param note     optional
     * @throws AlertNotFoundException   no such alert
     * @throws AlertTransitionException already closed
     */
    public Alert close(long id, String operator, String note) {
        requireText("operator", operator);
        synchronized (lock) {
            Alert a = repository.find(id).orElseThrow(() -> new AlertNotFoundException(id))
                    .close(operator.strip(), note == null || note.isBlank() ? null : note.strip(), clock.instant());
            repository.save(a);
            publish(AlertEvent.Type.CLOSED, a);
            return a;
        }
    }

    private static void requireText(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }

    public Optional<Alert> find(long id) {
        return repository.find(id);
    }

    /** Newest first; {@code state} null for all. */
    public List<Alert> list(AlertState state, int limit) {
        return repository.list(state, limit);
    }

    /** Adds a subscriber; returns the handle that removes it. See {@link AlertSubscriber} for the threading rule. */
    public Subscription subscribe(AlertSubscriber subscriber) {
        subscribers.add(Objects.requireNonNull(subscriber, "subscriber"));
        return () -> subscribers.remove(subscriber);
    }

    /** Removes a subscriber when closed. */
    @FunctionalInterface
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    /** Stops the tick, lets the worker evaluate what is queued (up to 10 s), and stops it. */
    @Override
    public void close() {
        Thread w;
        synchronized (this) {
            running = false;
            if (ticker != null) {
                ticker.shutdownNow();
            }
            w = worker;
        }
        if (w != null) {
            try {
                w.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
