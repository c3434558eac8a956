package org.envmon.evaluation.derived;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.envmon.evaluation.AirEvaluator;
import org.envmon.evaluation.AirPollutants;
import org.envmon.evaluation.HourGrid;
import org.envmon.evaluation.Recompute;
import org.envmon.evaluation.StationDaily;
import org.envmon.evaluation.StationHourSeries;
import org.envmon.evaluation.StationHourly;
import org.envmon.store.DerivedStore;
import org.envmon.store.DerivedStore.Scope;
import org.envmon.store.Medium;
import org.envmon.store.ObservationStore;
import org.envmon.store.Site;
import org.envmon.store.SiteQuery;
import org.envmon.store.SiteStore;

/**
 * Keeps the derived air tables ({@link DerivedStore}) equal to what {@link AirEvaluator} computes from the valid,
 * reviewed hourly values in the store: the hourly and daily AQI of every air station and city.
 *
 * <p>The unit of work is a set of whole Beijing days of a group: a city (all its air stations, and the city itself
 * from its non-control stations, HJ 663 §4) or a single station (no city, or a city not being recomputed). The
 * stations' values are read from the day before the first day (so the 24-h and 8-h moving means of the first hours
 * are complete) to the end of the last day; station and city rows of those days are replaced in one transaction per
 * batch. Reading and evaluating run on the calling thread, writing on a second one, so the two overlap.
 *
 * <p>{@link #applyChanges} recomputes after new data, late data or a review: the days containing an output that
 * {@link Recompute#affected} names, for the changed groups. Rows of days outside are not touched, and rows inside
 * whose inputs did not change are rewritten with the same values, so "exactly the affected hours and days change".
 */
public final class AirDerivation {
    /** Rows per write transaction in a bulk recompute. */
    private static final int ROWS_PER_BATCH = 250_000;

    private final SiteStore sites;
    private final StoreSeriesReader reader;
    private final DerivedStore derived;

    public AirDerivation(SiteStore sites, ObservationStore observations, DerivedStore derived) {
        this.sites = sites;
        this.reader = new StoreSeriesReader(observations);
        this.derived = derived;
    }

    /** What a recompute did. */
    public record Result(int stations, int cities, long hourRows, long dayRows, Duration took) {
    }

    /**
     * One day-range recompute: the cities named (with all their air stations) and the single stations named (a
     * station of a named city is covered by its city).
     */
    public record Selection(Set<String> cities, Set<String> stations) {
        public Selection {
            cities = Set.copyOf(cities);
            stations = Set.copyOf(stations);
        }

        public static Selection everything() {
            return new Selection(Set.of("*"), Set.of());
        }

        boolean all() {
            return cities.contains("*");
        }
    }

    /** Recomputes days {@code from … to} (inclusive) of every air station and city. */
    public Result recomputeAll(LocalDate from, LocalDate to) {
        return recompute(Selection.everything(), from, to, x -> { });
    }

    /**
     * Recomputes days {@code from … to} (inclusive) of the selection; {@code cityHours} receives each recomputed city
     * (for live consumers such as the alert engine) after its rows are written (not for {@link Selection#everything},
     * the bulk rebuild).
     */
    public Result recompute(Selection selection, LocalDate from, LocalDate to, Consumer<CityDays> cityHours) {
        Objects.requireNonNull(selection, "selection");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("empty day range " + from + " … " + to);
        }
        long t0 = System.nanoTime();
        List<Site> members = members(selection);
        if (members.isEmpty()) {
            return new Result(0, 0, 0, 0, Duration.ZERO);
        }
        Set<String> wholeCities = new LinkedHashSet<>();
        for (Site s : members) {
            if (s.city() != null && (selection.all() || selection.cities().contains(s.city()))) {
                wholeCities.add(s.city());
            }
        }
        Instant fromHour = from.atStartOfDay().toInstant(HourGrid.BEIJING);
        Instant toHour = to.plusDays(1).atStartOfDay().toInstant(HourGrid.BEIJING);
        // Everything: one bulk rebuild (one range delete, one transaction); else per-code replacements.
        Writer writer = new Writer(derived, selection.all() ? new Instant[] {fromHour, toHour} : null, from, to);
        int[] counts = new int[2];
        List<CityDays> done = selection.all() ? null : new ArrayList<>(); // the live path's consumers
        boolean ok = false;
        try {
            // Window by window (the derived rows of a day need the day before for their moving means, nothing
            // earlier): a window's read covers few hours, so the store reads many sites per query, and the
            // observations of a window lie together (they arrive in time order).
            List<LocalDate[]> windows = new ArrayList<>();
            for (LocalDate w0 = from; !w0.isAfter(to); w0 = w0.plusDays(WINDOW_DAYS)) {
                windows.add(new LocalDate[] {w0, w0.plusDays(WINDOW_DAYS - 1).isAfter(to) ? to
                        : w0.plusDays(WINDOW_DAYS - 1)});
            }
            if (windows.size() == 1) {
                window(members, wholeCities, from, to, writer, counts, done, true);
            } else {
                // Two windows at a time: one thread's read (database scan, value fetch) overlaps the other's
                // evaluation; rows go to the one writer.
                java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(
                        WINDOW_THREADS, r -> {
                            Thread t = new Thread(r, "envmon-derived-window");
                            t.setDaemon(true);
                            return t;
                        });
                try {
                    List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
                    for (LocalDate[] w : windows) {
                        futures.add(pool.submit(() -> window(members, wholeCities, w[0], w[1], writer, counts, done,
                                w[0].equals(from))));
                    }
                    for (java.util.concurrent.Future<?> f : futures) {
                        f.get();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted recompute", e);
                } catch (java.util.concurrent.ExecutionException e) {
                    throw e.getCause() instanceof RuntimeException re ? re
                            : new IllegalStateException(e.getCause());
                } finally {
                    pool.shutdownNow();
                }
            }
            ok = true;
        } finally {
            if (ok) {
                writer.finish();
            } else {
                writer.abort(); // nothing of a failed rebuild is committed
            }
        }
        if (done != null) {
            done.forEach(cityHours);
        }
        return new Result(counts[0], counts[1], writer.hourRows, writer.dayRows,
                Duration.ofNanos(System.nanoTime() - t0));
    }

    /** Days per window of a long recompute. */
    static final int WINDOW_DAYS = 28;
    /** Windows evaluated at once. */
    static final int WINDOW_THREADS = 2;

    private void window(List<Site> members, Set<String> wholeCities, LocalDate from, LocalDate to, Writer writer,
            int[] counts, List<CityDays> done, boolean first) {
        HourGrid grid = HourGrid.of(from.minusDays(1), to);
        int firstHour = 24;
        Instant fromHour = grid.start(firstHour);
        Instant toHour = grid.start(grid.hours());
        reader.streamCities(members, grid, grid.start(0), toHour, (city, series) -> {
            List<DerivedStore.Replacement> out = new ArrayList<>();
            List<StationHourSeries> evaluation = new ArrayList<>();
            for (StationHourSeries s : series) {
                out.add(replacement(Scope.STATION, s.code(), s, grid, firstHour, from, to));
                if (first) {
                    counts[0]++; // only the first window counts, on its one thread
                }
                if (!s.control()) {
                    evaluation.add(s);
                }
            }
            if (city != null && wholeCities.contains(city)) {
                DerivedStore.Replacement r;
                if (evaluation.isEmpty()) {
                    r = new DerivedStore.Replacement(Scope.CITY, city, fromHour, toHour, List.of(), from, to,
                            List.of());
                } else {
                    r = replacement(Scope.CITY, city, AirEvaluator.cityMean(city, evaluation), grid, firstHour,
                            from, to);
                }
                out.add(r);
                if (done != null) {
                    synchronized (done) {
                        done.add(new CityDays(city, r.hours(), r.days()));
                    }
                }
                if (first) {
                    counts[1]++;
                }
            }
            writer.submit(out);
        });
    }

    /** A recomputed city's rows (for live consumers). */
    public record CityDays(String city, List<DerivedStore.Hour> hours, List<DerivedStore.Day> days) {
    }

    /**
     * Recomputes after new data, late data or a review: one recompute over the changed stations' cities (non-control
     * stations) and the stations without a city or control stations, for the days day(h) … day(h + 23 h) of every
     * changed hour h: a value at h affects outputs up to h + 23 h (24-h moving means, the 2012 SO2 rule, O3 8-h
     * windows), which covers every output {@link Recompute#affected} names. One read and one write; rows whose
     * inputs did not change are rewritten with the values they had. Changes of non-air or unknown sites are
     * ignored.
     */
    public Result applyChanges(Collection<Recompute.Change> changes, java.util.function.Function<String, Site> lookup,
            Consumer<CityDays> cityHours) {
        Set<String> cities = new java.util.TreeSet<>();
        Set<String> stations = new java.util.TreeSet<>();
        LocalDate from = null;
        LocalDate to = null;
        for (Recompute.Change c : changes) {
            Site s = lookup.apply(c.site());
            if (s == null || s.medium() != Medium.AIR) {
                continue;
            }
            if (s.city() != null && !s.control()) {
                cities.add(s.city());
            } else {
                stations.add(s.code());
            }
            LocalDate a = LocalDateTime.ofInstant(c.time(), HourGrid.BEIJING).toLocalDate();
            LocalDate b = LocalDateTime.ofInstant(c.time().plusSeconds(23 * 3600L), HourGrid.BEIJING).toLocalDate();
            from = from == null || a.isBefore(from) ? a : from;
            to = to == null || b.isAfter(to) ? b : to;
        }
        if (from == null) {
            return new Result(0, 0, 0, 0, Duration.ZERO);
        }
        return recompute(new Selection(cities, stations), from, to, cityHours);
    }

    /** The air sites of the selection ordered by city (null last) then code. */
    private List<Site> members(Selection sel) {
        List<Site> out = new ArrayList<>();
        if (sel.all()) {
            out.addAll(sites.list(new SiteQuery(Medium.AIR, null, null)));
        } else {
            if (sel.cities().size() > 8) { // one list instead of a query per city
                for (Site s : sites.list(new SiteQuery(Medium.AIR, null, null))) {
                    if (s.city() != null && sel.cities().contains(s.city())) {
                        out.add(s);
                    }
                }
            } else {
                for (String city : sel.cities()) {
                    out.addAll(sites.list(new SiteQuery(Medium.AIR, null, city)));
                }
            }
            Set<String> have = new java.util.HashSet<>();
            out.forEach(s -> have.add(s.code()));
            for (String code : sel.stations()) {
                if (!have.contains(code)) {
                    sites.byCode(code).filter(s -> s.medium() == Medium.AIR).ifPresent(out::add);
                }
            }
        }
        out.sort(Comparator.comparing(Site::city, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Site::code));
        return out;
    }

    private static DerivedStore.Replacement replacement(Scope scope, String code, StationHourSeries s,
            HourGrid grid, int firstHour, LocalDate from, LocalDate to) {
        StationHourly h = AirEvaluator.hourly(s);
        List<DerivedStore.Hour> hours = new ArrayList<>();
        for (int i = firstHour; i < grid.hours(); i++) {
            int aqi = h.aqi(i);
            long[] v = new long[DerivedStore.HOUR_VALUES];
            int stations = 0;
            boolean any = false;
            for (int p = 0; p < AirPollutants.COUNT; p++) {
                long x = s.value(p, i);
                v[p] = s.reportedValue(p, i);
                any |= x >= 0;
                stations = Math.max(stations, s.stationCount(p, i));
            }
            v[DerivedStore.O3_8H] = h.o3EightHour(i);
            if (any || aqi >= 0) {
                hours.add(new DerivedStore.Hour(scope, code, grid.start(i), aqi, h.primaryMask(i), stations, v));
            }
        }
        StationDaily d = AirEvaluator.daily(s);
        List<DerivedStore.Day> days = new ArrayList<>();
        for (int k = 1; k < grid.days(); k++) {
            long[] v = new long[StationDaily.INDICATORS];
            boolean any = false;
            for (int x = 0; x < StationDaily.INDICATORS; x++) {
                v[x] = d.value(x, k);
                any |= v[x] >= 0;
            }
            int[] valid = new int[AirPollutants.COUNT];
            int stations = 0;
            for (int p = 0; p < AirPollutants.COUNT; p++) {
                valid[p] = d.validHours(p, k);
                any |= valid[p] > 0;
                for (int i = 24 * k; i < 24 * k + 24; i++) {
                    stations = Math.max(stations, s.stationCount(p, i));
                }
            }
            if (any || d.aqi(k) >= 0) {
                days.add(new DerivedStore.Day(scope, code, grid.day(k), d.aqi(k), d.primaryMask(k), stations, v,
                        valid, d.o3ValidWindows(k)));
            }
        }
        return new DerivedStore.Replacement(scope, code, grid.start(firstHour), grid.start(grid.hours()), hours, from,
                to, days);
    }

    /**
     * Writes batches on its own thread (at most two batches waiting), so evaluation and writing overlap. With a bulk
     * range, everything goes into one {@link DerivedStore.BulkReplace} committed at the end.
     */
    private static final class Writer {
        private static final List<DerivedStore.Replacement> END = new ArrayList<>();
        private final DerivedStore store;
        private final Instant[] bulkHours;
        private final LocalDate bulkFrom;
        private final LocalDate bulkTo;
        private final BlockingQueue<List<DerivedStore.Replacement>> queue = new ArrayBlockingQueue<>(2);
        private final Thread thread;
        private List<DerivedStore.Replacement> pending = new ArrayList<>();
        private long pendingRows;
        private volatile RuntimeException failure;
        private volatile boolean aborted;
        long hourRows;
        long dayRows;

        Writer(DerivedStore store, Instant[] bulkHours, LocalDate bulkFrom, LocalDate bulkTo) {
            this.store = store;
            this.bulkHours = bulkHours;
            this.bulkFrom = bulkFrom;
            this.bulkTo = bulkTo;
            this.thread = new Thread(this::run, "envmon-derived-writer");
            thread.setDaemon(true);
            thread.start();
        }

        synchronized void submit(List<DerivedStore.Replacement> rs) {
            for (DerivedStore.Replacement r : rs) {
                pending.add(r);
                pendingRows += r.hours().size() + r.days().size() + 1;
                hourRows += r.hours().size();
                dayRows += r.days().size();
            }
            if (pendingRows >= ROWS_PER_BATCH) {
                flush();
            }
        }

        private void flush() {
            if (pending.isEmpty()) {
                return;
            }
            put(pending);
            pending = new ArrayList<>();
            pendingRows = 0;
        }

        private void put(List<DerivedStore.Replacement> batch) {
            try {
                while (!queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                    check();
                    if (!thread.isAlive()) {
                        throw new IllegalStateException("derived writer stopped");
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while writing derived rows", e);
            }
            check();
        }

        private void check() {
            if (failure != null) {
                throw failure;
            }
        }

        /** Ends the writer without committing a bulk rebuild (its transaction rolls back); never throws. */
        synchronized void abort() {
            aborted = true;
            pending = new ArrayList<>();
            try {
                while (thread.isAlive() && !queue.offer(END, 100, TimeUnit.MILLISECONDS)) {
                    queue.clear();
                }
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        synchronized void finish() {
            try {
                flush();
                put(END);
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while writing derived rows", e);
            }
            check();
        }

        private void run() {
            DerivedStore.BulkReplace bulk = null;
            boolean ended = false;
            try {
                if (bulkHours != null) {
                    bulk = store.replaceAll(bulkHours[0], bulkHours[1], bulkFrom, bulkTo);
                }
                while (true) {
                    List<DerivedStore.Replacement> b = queue.take();
                    if (b == END) {
                        ended = true;
                        if (bulk != null && !aborted) {
                            bulk.commit();
                        }
                        return;
                    }
                    if (aborted) {
                        continue;
                    }
                    if (bulk != null) {
                        bulk.add(b);
                    } else {
                        store.replace(b);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                failure = e;
                // drain so the producer is not blocked; it sees the failure on its next put
                while (!ended) {
                    List<DerivedStore.Replacement> b = queue.poll();
                    if (b == END) {
                        return;
                    }
                    if (b == null) {
                        try {
                            Thread.sleep(10);
                        } catch (InterruptedException ie) {
                            return;
                        }
                    }
                }
            } finally {
                if (bulk != null) {
                    bulk.close();
                }
            }
        }
    }
}
