package org.envmon.app.evaluation;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.envmon.alerts.engine.AlertEngine;
import org.envmon.alerts.rules.DerivedAirUpdate;
import org.envmon.evaluation.derived.AirDerivation;
import org.envmon.model.DerivedStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Feeds the city hourly and daily AQI to the alert engine. Live: the live recompute hands every recomputed city
 * to {@link #accept}, which sends the hours and days whose AQI is new or changed. Safety net: every
 * {@code envmon.evaluation.alerts-interval} (default 5 min) the derived city hours of the last
 * {@code alerts-lookback-hours} (default 3) are re-read and the new or changed ones sent the same way (rows rebuilt
 * by {@code envmon recompute}, or a push the engine's full queue dropped). Does nothing when the alert engine is disabled
 * ({@code envmon.alerts.enabled=false}: no bean).
 */
@Component
public class CityAqiAlertFeed implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(CityAqiAlertFeed.class);

    private final DerivedStore derived;
    private final ObjectProvider<AlertEngine> engine;
    private final EvaluationProperties props;
    /** city → hour → AQI last sent. */
    private final Map<String, Map<Instant, Integer>> sent = new HashMap<>();
    /** city → day → daily AQI last sent, and whether it was then provisional (today's). */
    private final Map<String, Map<java.time.LocalDate, SentDay>> sentDays = new HashMap<>();
    private ScheduledExecutorService timer;

    public CityAqiAlertFeed(DerivedStore derived, ObjectProvider<AlertEngine> engine,
            EvaluationProperties props) {
        this.derived = derived;
        this.engine = engine;
        this.props = props;
    }

    @EventListener(ApplicationReadyEvent.class)
    public synchronized void start() {
        Duration every = props.alertsInterval();
        if (engine.getIfAvailable() == null || every == null || every.isZero() || every.isNegative() || timer != null) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "envmon-city-aqi-feed");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(() -> {
            try {
                feed(Instant.now());
            } catch (RuntimeException e) {
                log.warn("city AQI feed failed (retried next time): {}", e.toString());
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        log.info("city AQI feed to the alert engine every {}", every);
    }

    /**
     * Re-reads the derived city hours starting in the last {@code alerts-lookback-hours} before {@code now}'s hour and
     * the hour itself, and sends the new or changed ones (what the live push may have missed, e.g. rows rebuilt by
     * {@code envmon recompute}). Returns the number of updates sent (0 without alert engine).
     */
    public synchronized int feed(Instant now) {
        Instant hour = now.truncatedTo(ChronoUnit.HOURS);
        Instant from = hour.minus(Duration.ofHours(Math.max(1, props.alertsLookbackHours())));
        Map<String, List<DerivedStore.Hour>> byCity = new java.util.TreeMap<>();
        derived.hours(DerivedStore.Scope.CITY, null, from, hour.plus(Duration.ofHours(1)),
                h -> byCity.computeIfAbsent(h.code(), k -> new java.util.ArrayList<>()).add(h));
        int n = 0;
        for (Map.Entry<String, List<DerivedStore.Hour>> c : byCity.entrySet()) {
            n += accept(new AirDerivation.CityDays(c.getKey(), c.getValue(), List.of()), now);
        }
        return n;
    }

    /** A city recomputed by the live worker: send its new or changed hourly AQI (recent hours only), oldest first. */
    public int accept(AirDerivation.CityDays city) {
        return accept(city, Instant.now());
    }

    synchronized int accept(AirDerivation.CityDays city, Instant now) {
        AlertEngine e = engine.getIfAvailable();
        if (e == null) {
            return 0;
        }
        Instant from = now.truncatedTo(ChronoUnit.HOURS)
                .minus(Duration.ofHours(Math.max(1, props.alertsLookbackHours())));
        Map<Instant, Integer> last = sent.computeIfAbsent(city.city(), k -> new HashMap<>());
        last.keySet().removeIf(t -> t.isBefore(from));
        int n = 0;
        for (org.envmon.model.DerivedStore.Hour h : city.hours()) {
            if (h.aqi() < 0 || h.start().isBefore(from)) {
                continue;
            }
            Integer before = last.put(h.start(), h.aqi());
            if (before == null || before != h.aqi()) {
                e.derived(new DerivedAirUpdate(city.city(), h.start(), h.aqi(),
                        org.envmon.standards.air.AqiLevel.of(h.aqi()).number()));
                n++;
            }
        }
        // Daily AQI of the last days (heavy-pollution episodes): today's value is provisional.
        java.time.LocalDate today = java.time.LocalDateTime.ofInstant(now, org.envmon.evaluation.HourGrid.BEIJING)
                .toLocalDate();
        java.time.LocalDate oldest = today.minusDays(DAYS_SENT);
        Map<java.time.LocalDate, SentDay> lastDays = sentDays.computeIfAbsent(city.city(), k -> new HashMap<>());
        lastDays.keySet().removeIf(d -> d.isBefore(oldest));
        for (org.envmon.model.DerivedStore.Day d : city.days()) {
            if (d.aqi() < 0 || d.day().isBefore(oldest) || d.day().isAfter(today)) {
                continue;
            }
            boolean provisional = d.day().equals(today);
            SentDay sending = new SentDay(d.aqi(), provisional);
            if (!sending.equals(lastDays.put(d.day(), sending))) {
                e.derivedDay(new org.envmon.alerts.rules.DerivedAirDay(city.city(), d.day(), d.aqi(),
                        org.envmon.standards.air.AqiLevel.of(d.aqi()).number(), provisional));
                n++;
            }
        }
        return n;
    }

    /** A daily AQI as sent: a day sent as provisional is sent again once final, even with the same AQI. */
    private record SentDay(int aqi, boolean provisional) {
    }

    /** Days back whose daily AQI is sent (the heavy-pollution rule looks at a week). */
    static final int DAYS_SENT = 7;

    @Override
    public synchronized void destroy() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }
}
