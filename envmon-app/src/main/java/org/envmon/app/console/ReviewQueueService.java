package org.envmon.app.console;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.envmon.app.quality.ScreeningService;
import org.envmon.app.quality.SiteQualityService;
import org.envmon.app.security.Division;
import org.envmon.model.HourlyValuesQuery;
import org.envmon.model.Interval;
import org.envmon.model.Medium;
import org.envmon.model.Observation;
import org.envmon.model.ObservationQuery;
import org.envmon.model.QcFlag;
import org.envmon.model.Site;
import org.envmon.model.SiteQuery;
import org.envmon.model.Statistic;
import org.envmon.model.Store;
import org.envmon.quality.screening.Suspicion;
import org.springframework.stereotype.Service;

/**
 * The review queue (数据审核) of a division: its sites' QC-flagged hourly values grouped into items
 * ({@link ReviewQueueGrouping}) and the falsification-screening suspicions of its cities' air stations.
 */
@Service
public class ReviewQueueService {
    /** The series' step: the queue reviews hourly values (what evaluation and publication use). */
    static final Duration STEP = Duration.ofHours(1);
    /** A gap longer than this in a flagged series starts a new item (QC's own series memory tolerates short gaps). */
    static final Duration MAX_GAP = Duration.ofHours(3);
    /** Screening runs per city on request: beyond this many cities it is left to a narrower query. */
    static final int MAX_SCREENED_CITIES = 10;
    /** The screened parameter: the detectors' thresholds are tuned for PM2.5 (envmon-quality). */
    static final String SCREENED_PARAMETER = "a34004";

    public record Queue(List<Site> sites, List<ReviewQueueGrouping.Item> items, List<Suspicion> suspicions,
                        boolean suspicionsOmitted) {
    }

    private final Store store;
    private final ScreeningService screening;

    public ReviewQueueService(Store store, ScreeningService screening) {
        this.store = store;
        this.screening = screening;
    }

    /** The sites of the division, optionally of one city only, by code. */
    public List<Site> sites(Division division, String city) {
        return store.sites().list(new SiteQuery(null, null, city)).stream().filter(division::covers).toList();
    }

    public Queue queue(List<Site> sites, Instant from, Instant to) {
        List<ReviewQueueGrouping.Value> values = new ArrayList<>();
        List<QcFlag> flags = new ArrayList<>();
        for (Medium medium : Medium.values()) {
            List<String> params = SiteQualityService.EXPECTED.get(medium);
            List<String> codes = sites.stream().filter(s -> s.medium() == medium).map(Site::code).toList();
            if (params == null || codes.isEmpty()) {
                continue;
            }
            // One streamed read finds the series with an invalid value; only those are read in detail (with codes).
            Set<String> flagged = new LinkedHashSet<>();
            store.observations().hourlyValues(new HourlyValuesQuery(codes, params, from, to),
                    (s, p, t, v, valid) -> {
                        if (!valid) {
                            flagged.add(codes.get(s) + '\t' + params.get(p));
                        }
                    });
            Set<String> flaggedSites = new TreeSet<>();
            for (String series : flagged) {
                String[] sp = series.split("\t");
                flaggedSites.add(sp[0]);
                for (Observation o : store.observations().query(new ObservationQuery(sp[0], sp[1], Interval.HOUR,
                        Statistic.VALUE, from, to, Integer.MAX_VALUE))) {
                    values.add(new ReviewQueueGrouping.Value(o.siteCode(), o.parameter(), o.time(),
                            o.valid() ? null : ReviewQueueGrouping.primaryCode(o.qcCodes()), o.reviewedValid()));
                }
            }
            for (String site : flaggedSites) {
                flags.addAll(store.quality().qcFlags(site, from.minus(Duration.ofDays(1)), to));
            }
        }
        List<ReviewQueueGrouping.Item> items = ReviewQueueGrouping.group(values, flags, STEP, MAX_GAP);

        Set<String> cities = new TreeSet<>();
        sites.stream().filter(s -> s.medium() == Medium.AIR && s.city() != null).forEach(s -> cities.add(s.city()));
        boolean omitted = cities.size() > MAX_SCREENED_CITIES;
        List<Suspicion> suspicions = new ArrayList<>();
        if (!omitted) {
            Set<String> inScope = new TreeSet<>();
            sites.forEach(s -> inScope.add(s.code()));
            for (String city : cities) {
                screening.screenCity(city, SCREENED_PARAMETER, from, to).stream()
                        .filter(s -> inScope.contains(s.siteCode())).forEach(suspicions::add);
            }
        }
        return new Queue(sites, items, suspicions, omitted);
    }

    /** The sites by code, for naming them in the answer. */
    public static Map<String, Site> byCode(List<Site> sites) {
        Map<String, Site> m = new java.util.HashMap<>();
        sites.forEach(s -> m.put(s.code(), s));
        return m;
    }
}
