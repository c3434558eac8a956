package org.envmon.app.quality;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.envmon.model.HourlyValuesQuery;
import org.envmon.model.Medium;
import org.envmon.model.ObservationStore;
import org.envmon.model.Site;
import org.envmon.model.SiteQuery;
import org.envmon.model.SiteStore;
import org.envmon.quality.screening.HourlySeries;
import org.envmon.quality.screening.NeighbourPolicy;
import org.envmon.quality.screening.Screening;
import org.envmon.quality.screening.SiteContext;
import org.envmon.quality.screening.Suspicion;
import org.springframework.stereotype.Service;

/**
 * Falsification screening over stored hourly data: each site of a city is compared with its neighbours (same city or
 * nearby) by the detectors of {@link Screening#defaults()}. Computed on request from the store, so it always reflects
 * the data as it is now; the detectors' thresholds are tuned for PM2.5 (see envmon-quality).
 */
@Service
public class ScreeningService {
    public static final Duration MAX_PERIOD = Duration.ofDays(400);

    private final SiteStore sites;
    private final ObservationStore observations;
    private final Screening screening = Screening.defaults();

    public ScreeningService(SiteStore sites, ObservationStore observations) {
        this.sites = sites;
        this.observations = observations;
    }

    public boolean hasAirSites(String city) {
        return !sites.list(new SiteQuery(Medium.AIR, null, city)).isEmpty();
    }

    /**
     * Suspicions for the sites of a city, most suspicious first. {@code from} and {@code to} are whole hours. The
     * values of every site come in one bulk read, invalid ones too: screening looks at what the analysers sent.
     */
    public List<Suspicion> screenCity(String city, String parameter, Instant from, Instant to) {
        Instant start = from.truncatedTo(ChronoUnit.HOURS);
        int hours = (int) Duration.between(start, to).toHours();
        // background sites are not evaluated (and do not vouch for their neighbours)
        List<Site> screened = sites.list(new SiteQuery(Medium.AIR, null, city)).stream()
                .filter(site -> !site.control()).toList();
        double[][] values = new double[screened.size()][hours];
        for (double[] v : values) {
            Arrays.fill(v, Double.NaN);
        }
        long first = start.getEpochSecond();
        observations.hourlyValues(new HourlyValuesQuery(screened.stream().map(Site::code).toList(),
                List.of(parameter), start, start.plus(Duration.ofHours(hours))), (site, p, epochSecond, value, ok) -> {
                    long i = (epochSecond - first) / 3600;
                    if (i >= 0 && i < hours) {
                        values[site][(int) i] = value;
                    }
                });
        Map<Site, HourlySeries> series = new LinkedHashMap<>();
        for (int s = 0; s < screened.size(); s++) {
            series.put(screened.get(s), new HourlySeries(screened.get(s).code(), parameter, start, values[s]));
        }
        List<Suspicion> found = new ArrayList<>();
        for (Map.Entry<Site, HourlySeries> e : series.entrySet()) {
            if (e.getValue().validCount() == 0) {
                continue;
            }
            SiteContext ctx = SiteContext.select(e.getKey(), e.getValue(), series, NeighbourPolicy.defaults());
            found.addAll(screening.screen(ctx));
        }
        found.sort(Comparator.comparingDouble(Suspicion::score).reversed());
        return found;
    }
}
