package org.envmon.evaluation.derived;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.envmon.evaluation.AirPollutants;
import org.envmon.evaluation.HourGrid;
import org.envmon.evaluation.StationHourSeries;
import org.envmon.model.HourlyValuesQuery;
import org.envmon.model.ObservationStore;
import org.envmon.model.Site;

/**
 * Reads the valid hourly values of the six AQI pollutants from the store into {@link StationHourSeries} on a grid
 * ({@link ObservationStore#hourlyValues}: reviews applied, invalid values skipped). Values off the hour grid are
 * ignored (hourly interval starts only).
 */
public final class StoreSeriesReader {
    static final int SECONDS_PER_HOUR = 3600;

    private final ObservationStore observations;

    public StoreSeriesReader(ObservationStore observations) {
        this.observations = observations;
    }

    /** Series of a few sites, all held in memory, empty ones included, in the order given. */
    public Map<String, StationHourSeries> load(List<Site> list, HourGrid grid) {
        Map<String, StationHourSeries> out = new LinkedHashMap<>();
        StationHourSeries.Builder[] builders = new StationHourSeries.Builder[list.size()];
        for (int k = 0; k < builders.length; k++) {
            Site s = list.get(k);
            builders[k] = StationHourSeries.builder(s.code(), s.city(), s.control(), grid);
        }
        if (!list.isEmpty()) {
            long start = grid.start(0).getEpochSecond();
            int hours = grid.hours();
            observations.hourlyValues(new HourlyValuesQuery(list.stream().map(Site::code).toList(),
                    AirPollutants.CODES, grid.start(0), grid.start(hours)), (site, p, t, v, valid) -> {
                        int i = hourIndex(start, hours, t);
                        if (valid && i >= 0) {
                            builders[site].put(p, i, AirPollutants.toMilli(v));
                        }
                    });
        }
        for (int k = 0; k < builders.length; k++) {
            out.put(list.get(k).code(), builders[k].build());
        }
        return out;
    }

    /**
     * Streams the valid hourly values of many stations, given ordered by city (stations without a city last or
     * grouped under null), city by city: each city's station series (empty stations included) are handed to
     * {@code perCity} once its last station was read, then dropped (memory: one city). Only values with interval
     * start in [readFrom, readTo) ∩ grid are read. Runs {@code perCity} on the calling thread.
     */
    public void streamCities(List<Site> stationsByCity, HourGrid grid, Instant readFrom, Instant readTo,
            BiConsumer<String, List<StationHourSeries>> perCity) {
        if (stationsByCity.isEmpty()) {
            return;
        }
        long start = grid.start(0).getEpochSecond();
        int hours = grid.hours();
        Instant from = readFrom.isBefore(grid.start(0)) ? grid.start(0) : readFrom;
        Instant to = readTo.isAfter(grid.start(hours)) ? grid.start(hours) : readTo;
        CityCollector c = new CityCollector(stationsByCity, grid, perCity);
        if (from.isBefore(to)) {
            observations.hourlyValues(new HourlyValuesQuery(stationsByCity.stream().map(Site::code).toList(),
                    AirPollutants.CODES, from, to), (site, p, t, v, valid) -> {
                        int i = hourIndex(start, hours, t);
                        if (valid && i >= 0) {
                            c.builder(site).put(p, i, AirPollutants.toMilli(v));
                        }
                    });
        }
        c.finish();
    }

    static int hourIndex(long gridStart, int hours, long epochSecond) {
        long off = epochSecond - gridStart;
        if (off < 0 || off % SECONDS_PER_HOUR != 0) {
            return -1;
        }
        long i = off / SECONDS_PER_HOUR;
        return i < hours ? (int) i : -1;
    }

    /** Builds station series in site order (stations without values too) and flushes a city when the next begins. */
    private static final class CityCollector {
        private final List<Site> sites;
        private final HourGrid grid;
        private final BiConsumer<String, List<StationHourSeries>> perCity;
        private final List<StationHourSeries> done = new ArrayList<>();
        private int next;
        private StationHourSeries.Builder builder;

        CityCollector(List<Site> sites, HourGrid grid, BiConsumer<String, List<StationHourSeries>> perCity) {
            this.sites = sites;
            this.grid = grid;
            this.perCity = perCity;
        }

        /** The builder of site {@code k}; every site before it is closed (empty if it had no values). */
        StationHourSeries.Builder builder(int k) {
            if (k < next - 1) {
                throw new IllegalStateException("values not ordered by site");
            }
            while (next <= k) {
                advance();
            }
            return builder;
        }

        private void advance() {
            if (builder != null) {
                done.add(builder.build());
                if (next >= sites.size() || !java.util.Objects.equals(sites.get(next).city(),
                        sites.get(next - 1).city())) {
                    flush(sites.get(next - 1).city());
                }
            }
            Site s = sites.get(next++);
            builder = StationHourSeries.builder(s.code(), s.city(), s.control(), grid);
        }

        private void flush(String city) {
            perCity.accept(city, List.copyOf(done));
            done.clear();
        }

        void finish() {
            while (next < sites.size()) {
                advance();
            }
            if (builder != null) {
                done.add(builder.build());
                builder = null;
                flush(sites.get(sites.size() - 1).city());
            }
        }
    }
}
