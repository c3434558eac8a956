package org.envmon.app.quality;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.envmon.standards.air.AirQualityEvaluation;
import org.envmon.model.Completeness;
import org.envmon.model.CompletenessQuery;
import org.envmon.model.Medium;
import org.envmon.model.Site;
import org.envmon.model.SiteStatus;
import org.envmon.model.Store;
import org.springframework.stereotype.Service;

/**
 * Station KPIs: data capture rate (获取率 = received / expected) and valid data rate (有效率 = valid / expected) per
 * day and over the period, and online/offline state from the time of the last packet.
 */
@Service
public class SiteQualityService {
    /** A station is offline when nothing arrived for this long (two missed hourly reports). */
    public static final Duration OFFLINE_AFTER = Duration.ofHours(2);
    /**
     * Parameters whose hourly values a station of the medium is expected to deliver: the six pollutants of GB 3095
     * Table 1 for air; the five routine automatic-station items for surface water (pH, DO, CODMn, NH3-N, TP).
     */
    public static final Map<Medium, List<String>> EXPECTED = Map.of(
            Medium.AIR, List.of("a34004", "a34002", "a21026", "a21004", "a21005", "a05024"),
            Medium.SURFACE_WATER, List.of("w01001", "w01009", "w01019", "w21003", "w21011"));

    /**
     * Per parameter and day: how many valid hourly values, and whether that is enough for a daily value. The minimum
     * is the standards library's (GB 3095-2012 Table 4 / GB 3095-2026 §6: at least 20 hourly values for a 24-h
     * mean); O3 is judged by the same count (its daily max 1-h rule), the 8-h window rule needs the series itself
     * and lives in the evaluation.
     */
    public record DailyValidity(String parameter, java.time.LocalDate day, long validHours, boolean dailyValid) {
    }

    public record SiteQuality(String site, List<String> parameters, SiteStatus status, Completeness total,
                              List<Completeness> days, List<DailyValidity> validity) {
    }

    private final Store store;
    private final Clock clock = Clock.systemUTC();

    public SiteQualityService(Store store) {
        this.store = store;
    }

    /** Online state and last packet time of every registered site, by code: one query for all of them. */
    public Map<String, SiteStatus> statusByCode() {
        Map<String, SiteStatus> out = new java.util.HashMap<>();
        store.quality().status(clock.instant(), OFFLINE_AFTER).forEach(st -> out.put(st.siteCode(), st));
        return out;
    }

    /** Online state of one site. */
    public SiteStatus status(String code) {
        return statusByCode().getOrDefault(code, new SiteStatus(code, null, false));
    }

    public SiteQuality quality(Site site, LocalDate from, LocalDate to, List<String> parameters) {
        List<String> params = parameters == null || parameters.isEmpty()
                ? EXPECTED.getOrDefault(site.medium(), EXPECTED.get(Medium.AIR)) : parameters;
        List<Completeness> days = store.quality().daily(CompletenessQuery.hourly(List.of(site.code()), params, from,
                to));
        long expected = days.stream().mapToLong(Completeness::expected).sum();
        long received = days.stream().mapToLong(Completeness::received).sum();
        long valid = days.stream().mapToLong(Completeness::valid).sum();
        SiteStatus status = status(site.code());
        List<DailyValidity> validity = new java.util.ArrayList<>();
        for (String p : params) {
            for (Completeness c : store.quality().daily(CompletenessQuery.hourly(List.of(site.code()), List.of(p),
                    from, to))) {
                validity.add(new DailyValidity(p, c.from(), c.valid(),
                        c.valid() >= AirQualityEvaluation.MIN_HOURS_PER_DAY));
            }
        }
        return new SiteQuality(site.code(), params, status,
                new Completeness(site.code(), from, to, expected, received, valid), days, validity);
    }
}
