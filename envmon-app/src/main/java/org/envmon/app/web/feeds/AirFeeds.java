package org.envmon.app.web.feeds;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.envmon.evaluation.AirPollutants;
import org.envmon.model.BeijingTime;
import org.envmon.model.DerivedStore;
import org.envmon.model.HourlyValuesQuery;
import org.envmon.model.Medium;
import org.envmon.model.ObservationStore;
import org.envmon.model.Site;
import org.envmon.model.SiteQuery;
import org.envmon.model.SiteStore;
import org.envmon.standards.air.AirEdition;
import org.envmon.standards.air.AqiLevel;

/**
 * The public map's air feeds: every air station's and every city's latest hourly AQI, from the derived hours the
 * live recompute keeps current (valid, reviewed values only: what the public may see), with the stations' data
 * state for the hour. Stations and cities without an hour in the window are listed with nulls, so the map shows
 * them as "no data" rather than leaving them out. Identity fields are public ones only (never the MN).
 */
public final class AirFeeds {
    private final SiteStore sites;
    private final DerivedStore derived;
    private final ObservationStore observations;

    public AirFeeds(SiteStore sites, DerivedStore derived, ObservationStore observations) {
        this.sites = sites;
        this.derived = derived;
        this.observations = observations;
    }

    /**
     * One station. {@code qc}: {@code valid} when all six pollutants of the hour are valid, {@code partial} when some
     * are missing, {@code flagged} when some were reported but invalidated (automatic QC or review; listed in
     * {@code invalid}, left out of the AQI), null without data.
     */
    public record StationNow(String code, String name, String province, String city, Double lat, Double lon,
            boolean control, OffsetDateTime time, Integer aqi, Integer level, String category, String categoryEn,
            String colour, List<String> primaryPollutants, Map<String, BigDecimal> concentrations, String edition,
            String qc, List<String> invalid) {
    }

    /** One city: the mean of its non-control stations (HJ 663), placed at the mean of their coordinates. */
    public record CityNow(String city, String province, Double lat, Double lon, OffsetDateTime time, Integer aqi,
            Integer level, String category, String categoryEn, String colour, List<String> primaryPollutants,
            Map<String, BigDecimal> concentrations, Integer stations, String edition) {
    }

    /** A feed body: the newest hour in it (null when none) and the rows. */
    public record Feed<T>(OffsetDateTime latestHour, int count, int withData, List<T> items) {
    }

    /** Hours searched back from now for a station's latest value. */
    static final int WINDOW_HOURS = 3;

    public Feed<StationNow> stations(Instant now) {
        List<Site> air = sites.list(new SiteQuery(Medium.AIR, null, null));
        Instant to = now.truncatedTo(ChronoUnit.HOURS).plusSeconds(3600);
        Instant from = to.minusSeconds(3600L * (WINDOW_HOURS + 1));
        Map<String, DerivedStore.Hour> latest = latest(DerivedStore.Scope.STATION, from, to);
        Map<String, List<String>> invalid = invalidAt(air, latest, from, to);
        List<StationNow> out = new ArrayList<>(air.size());
        Instant newest = null;
        for (Site s : air) {
            DerivedStore.Hour h = latest.get(s.code());
            if (h == null) {
                out.add(new StationNow(s.code(), s.name(), s.province(), s.city(), s.latitude(), s.longitude(),
                        s.control(), null, null, null, null, null, null, List.of(), Map.of(), null, null, List.of()));
                continue;
            }
            newest = newest == null || h.start().isAfter(newest) ? h.start() : newest;
            AqiLevel l = AqiLevel.of(h.aqi());
            List<String> bad = invalid.getOrDefault(s.code(), List.of());
            Map<String, BigDecimal> conc = concentrations(h);
            String qc = !bad.isEmpty() ? "flagged" : conc.size() < AirPollutants.COUNT ? "partial" : "valid";
            out.add(new StationNow(s.code(), s.name(), s.province(), s.city(), s.latitude(), s.longitude(),
                    s.control(), out(h.start()), h.aqi(), l.number(), l.categoryZh(), l.categoryEn(), l.hex(),
                    primary(h), conc, edition(h.start()), qc, bad));
        }
        return new Feed<>(out(newest), out.size(), latest.size(), out);
    }

    public Feed<CityNow> cities(Instant now) {
        Map<String, double[]> where = new TreeMap<>(); // city → lat sum, lon sum, n
        Map<String, String> province = new HashMap<>();
        for (Site s : sites.list(new SiteQuery(Medium.AIR, null, null))) {
            if (s.city() == null || s.control()) {
                continue;
            }
            province.putIfAbsent(s.city(), s.province());
            double[] w = where.computeIfAbsent(s.city(), c -> new double[3]);
            if (s.latitude() != null && s.longitude() != null) {
                w[0] += s.latitude();
                w[1] += s.longitude();
                w[2]++;
            }
        }
        Instant to = now.truncatedTo(ChronoUnit.HOURS).plusSeconds(3600);
        Map<String, DerivedStore.Hour> latest = latest(DerivedStore.Scope.CITY, to.minusSeconds(3600L
                * (WINDOW_HOURS + 1)), to);
        List<CityNow> out = new ArrayList<>(where.size());
        Instant newest = null;
        int withData = 0;
        for (Map.Entry<String, double[]> e : where.entrySet()) {
            double[] w = e.getValue();
            Double lat = w[2] == 0 ? null : round(w[0] / w[2]);
            Double lon = w[2] == 0 ? null : round(w[1] / w[2]);
            DerivedStore.Hour h = latest.get(e.getKey());
            if (h == null) {
                out.add(new CityNow(e.getKey(), province.get(e.getKey()), lat, lon, null, null, null, null, null, null,
                        List.of(), Map.of(), null, null));
                continue;
            }
            withData++;
            newest = newest == null || h.start().isAfter(newest) ? h.start() : newest;
            AqiLevel l = AqiLevel.of(h.aqi());
            out.add(new CityNow(e.getKey(), province.get(e.getKey()), lat, lon, out(h.start()), h.aqi(), l.number(),
                    l.categoryZh(), l.categoryEn(), l.hex(), primary(h), concentrations(h), h.stations(),
                    edition(h.start())));
        }
        return new Feed<>(out(newest), out.size(), withData, out);
    }

    private Map<String, DerivedStore.Hour> latest(DerivedStore.Scope scope, Instant from, Instant to) {
        Map<String, DerivedStore.Hour> latest = new HashMap<>();
        derived.hours(scope, null, from, to, h -> {
            if (h.aqi() >= 0) {
                latest.merge(h.code(), h, (a, b) -> b.start().isAfter(a.start()) ? b : a);
            }
        });
        return latest;
    }

    /** Per station, the pollutants reported at its latest hour but not valid (QC or review). */
    private Map<String, List<String>> invalidAt(List<Site> air, Map<String, DerivedStore.Hour> latest, Instant from,
            Instant to) {
        List<String> codes = air.stream().map(Site::code).filter(latest::containsKey).toList();
        Map<String, List<String>> out = new HashMap<>();
        if (codes.isEmpty()) {
            return out;
        }
        observations.hourlyValues(new HourlyValuesQuery(codes, AirPollutants.CODES, from, to),
                (site, p, t, v, valid) -> {
                    String code = codes.get(site);
                    if (!valid && latest.get(code).start().getEpochSecond() == t) {
                        out.computeIfAbsent(code, c -> new ArrayList<>()).add(AirPollutants.KEYS.get(p));
                    }
                });
        return out;
    }

    private static List<String> primary(DerivedStore.Hour h) {
        List<String> primary = new ArrayList<>();
        for (int p = 0; p < AirPollutants.COUNT; p++) {
            if ((h.primaryMask() & (1 << p)) != 0) {
                primary.add(AirPollutants.KEYS.get(p));
            }
        }
        return primary;
    }

    /** The six hourly concentrations as scored (µg/m³, CO mg/m³); missing ones left out. */
    private static Map<String, BigDecimal> concentrations(DerivedStore.Hour h) {
        Map<String, BigDecimal> conc = new LinkedHashMap<>();
        for (int p = 0; p < AirPollutants.COUNT; p++) {
            if (h.values()[p] >= 0) {
                BigDecimal v = BigDecimal.valueOf(h.values()[p], 3).stripTrailingZeros();
                conc.put(AirPollutants.KEYS.get(p), v.scale() < 0 ? v.setScale(0) : v);
            }
        }
        return conc;
    }

    /** HJ 633 edition of an hour: the one in force at the interval start. */
    private static String edition(Instant start) {
        return AirEdition.forDay(DerivedStore.dayOf(start)).code();
    }

    private static OffsetDateTime out(Instant t) {
        return t == null ? null : t.atOffset(BeijingTime.OFFSET);
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
