package org.envmon.alerts.engine;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.envmon.alerts.rules.DerivedAirDay;
import org.envmon.alerts.rules.DerivedAirUpdate;
import org.envmon.evaluation.HourGrid;
import org.envmon.evaluation.derived.AirDerivation;
import org.envmon.model.DerivedStore;
import org.envmon.standards.air.AqiLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds the derived city hourly and daily AQI to the {@link AlertEngine}. Live: the live recompute hands every
 * recomputed city to {@link #accept}, which sends the hours and days whose AQI is new or changed. Safety net
 * ({@link #start}): every so often the derived city hours of the last {@code lookbackHours} are re-read and the new
 * or changed ones sent the same way (rows rebuilt by {@code envmon recompute}, or a push the engine's full queue
 * dropped). A derived row without an AQI (negative) is not sent.
 */
public final class CityAqiFeed implements AutoCloseable {
    /** Days back whose daily AQI is sent (the heavy-pollution rule looks at a week). */
    static final int DAYS_SENT = 7;
    private static final Logger log = LoggerFactory.getLogger(CityAqiFeed.class);

    private final DerivedStore derived;
    private final AlertEngine engine;
    private final int lookbackHours;
    /** city → hour → AQI last sent. */
    private final Map<String, Map<Instant, Integer>> sent = new HashMap<>();
    /** city → day → daily AQI last sent, and whether it was then provisional (today's). */
    private final Map<String, Map<LocalDate, DayAqi>> sentDays = new HashMap<>();
    private ScheduledExecutorService timer;

    /** @param lookbackHours hours before now's hour that are still sent (at least 1) */
    public CityAqiFeed(DerivedStore derived, AlertEngine engine, int lookbackHours) {
        this.derived = Objects.requireNonNull(derived, "derived");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.lookbackHours = Math.max(1, lookbackHours);
    }

    /** Starts the safety net: {@link #feed} every {@code every}, first after one period (null or zero: never). */
    public synchronized void start(Duration every) {
        if (every == null || every.isZero() || every.isNegative() || timer != null) {
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
     * Re-reads the derived city hours starting in the last {@code lookbackHours} before {@code now}'s hour and the
     * hour itself, and sends the new or changed ones. Returns the number of updates sent.
     */
    public synchronized int feed(Instant now) {
        Instant hour = now.truncatedTo(ChronoUnit.HOURS);
        Map<String, List<DerivedStore.Hour>> byCity = new TreeMap<>();
        derived.hours(DerivedStore.Scope.CITY, null, hour.minus(Duration.ofHours(lookbackHours)),
                hour.plus(Duration.ofHours(1)), h -> byCity.computeIfAbsent(h.code(), k -> new ArrayList<>()).add(h));
        int n = 0;
        for (Map.Entry<String, List<DerivedStore.Hour>> c : byCity.entrySet()) {
            n += accept(new AirDerivation.CityDays(c.getKey(), c.getValue(), List.of()), now);
        }
        return n;
    }

    /** A city recomputed by the live worker: sends its new or changed recent AQI, oldest first. */
    public int accept(AirDerivation.CityDays city) {
        return accept(city, Instant.now());
    }

    synchronized int accept(AirDerivation.CityDays city, Instant now) {
        Instant from = now.truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(lookbackHours));
        Map<Instant, Integer> last = sent.computeIfAbsent(city.city(), k -> new HashMap<>());
        last.keySet().removeIf(t -> t.isBefore(from));
        int n = 0;
        for (DerivedStore.Hour h : city.hours()) {
            if (h.aqi() < 0 || h.start().isBefore(from)) {
                continue;
            }
            Integer before = last.put(h.start(), h.aqi());
            if (before == null || before != h.aqi()) {
                engine.derived(new DerivedAirUpdate(city.city(), h.start(), h.aqi(), AqiLevel.of(h.aqi()).number()));
                n++;
            }
        }
        // Daily AQI of the last days (heavy-pollution episodes): today's value is provisional.
        LocalDate today = LocalDateTime.ofInstant(now, HourGrid.BEIJING).toLocalDate();
        LocalDate oldest = today.minusDays(DAYS_SENT);
        Map<LocalDate, DayAqi> lastDays = sentDays.computeIfAbsent(city.city(), k -> new HashMap<>());
        lastDays.keySet().removeIf(d -> d.isBefore(oldest));
        for (DerivedStore.Day d : city.days()) {
            if (d.aqi() < 0 || d.day().isBefore(oldest) || d.day().isAfter(today)) {
                continue;
            }
            DayAqi sending = new DayAqi(d.aqi(), d.day().equals(today));
            if (!sending.equals(lastDays.put(d.day(), sending))) {
                engine.derivedDay(new DerivedAirDay(city.city(), d.day(), d.aqi(), AqiLevel.of(d.aqi()).number(),
                        sending.provisional()));
                n++;
            }
        }
        return n;
    }

    /** A daily AQI as sent: a day sent as provisional is sent again once final, even with the same AQI. */
    private record DayAqi(int aqi, boolean provisional) {
    }

    /** Stops the safety net. */
    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }
}
