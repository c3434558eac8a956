package org.envmon.evaluation.water;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.envmon.evaluation.HourGrid;
import org.envmon.evaluation.WaterEvaluator;
import org.envmon.model.HourlyValuesQuery;
import org.envmon.model.InvalidRequest;
import org.envmon.model.Medium;
import org.envmon.model.NotFound;
import org.envmon.model.ObservationStore;
import org.envmon.model.Site;
import org.envmon.model.SiteQuery;
import org.envmon.model.SiteStore;
import org.envmon.standards.water.GroupEvaluation;
import org.envmon.standards.water.WaterParameter;
import org.envmon.standards.water.WaterQualityIndex;
import org.envmon.standards.water.WaterRounding;
import org.envmon.standards.water.Waterbody;

/**
 * Surface-water evaluation over the stores (GB 3838-2002): a section's month, a basin's or province's month, the
 * CWQI ranking of cities.
 *
 * <p>Decisions: the monthly mean of a section uses its stored hourly-interval values (automatic stations' 4-hourly
 * values, CN 2061) in the standard's units, rounded by the deployment's {@link WaterRounding} before it is classed
 * (default: the national publication's reporting precision; {@code envmon.water.rounding}); the class, CWQI, groups,
 * ranking and reports all use those reported values. The water-body type is the section's registered one
 * ({@link #waterbody}). Group main pollutants: the (up to three) items exceeding class III in the most sections.
 *
 * <p>Requests it cannot answer throw {@link InvalidRequest}, unknown sections and groups {@link NotFound}.
 * Thread-safe (stateless apart from the stores).
 */
public class WaterEvaluationService {
    private final SiteStore sites;
    private final ObservationStore observations;
    private final WaterRounding waterRounding;

    public WaterEvaluationService(SiteStore sites, ObservationStore observations, WaterRounding waterRounding) {
        this.sites = Objects.requireNonNull(sites, "sites");
        this.observations = Objects.requireNonNull(observations, "observations");
        this.waterRounding = Objects.requireNonNull(waterRounding, "waterRounding");
    }

    /** How water values are rounded before classing (the deployment's setting). */
    public WaterRounding waterRounding() {
        return waterRounding;
    }

    /** A section's month with its site. */
    public record SectionMonth(Site site, WaterEvaluator.SectionMonth month) {
    }

    /** A group's evaluation with its sections and main pollutants. */
    public record WaterGroup(String by, String name, YearMonth month, Optional<GroupEvaluation> evaluation,
            List<SectionMonth> sections, List<WaterParameter> mainPollutants) {
    }

    /** Monthly class of one surface-water section. */
    public SectionMonth sectionMonth(String code, YearMonth month) {
        Site s = sites.require(code);
        if (s.medium() != Medium.SURFACE_WATER) {
            throw new InvalidRequest("site " + code + " is not a surface-water section (" + s.medium() + ")");
        }
        return sectionMonths(List.of(s), month).get(0);
    }

    /** Evaluation of the sections of a basin or a province (exactly one of them). */
    public WaterGroup waterGroup(String basin, String province, YearMonth month) {
        boolean hasBasin = basin != null && !basin.isBlank();
        boolean hasProvince = province != null && !province.isBlank();
        if (hasBasin == hasProvince) {
            throw new InvalidRequest("give exactly one of 'basin' and 'province'");
        }
        List<Site> list = hasBasin
                ? sites.list(new SiteQuery(Medium.SURFACE_WATER, null, null)).stream()
                        .filter(s -> basin.trim().equals(s.basin())).toList()
                : sites.list(new SiteQuery(Medium.SURFACE_WATER, province.trim(), null));
        String name = hasBasin ? basin.trim() : province.trim();
        if (list.isEmpty()) {
            throw new NotFound("no surface-water sections in " + (hasBasin ? "basin " : "province ") + name);
        }
        List<SectionMonth> months = sectionMonths(list, month);
        Optional<GroupEvaluation> g = WaterEvaluator.evaluateGroup(months.stream().map(SectionMonth::month).toList());
        return new WaterGroup(hasBasin ? "basin" : "province", name, month, g, months, mainPollutants(months));
    }

    /** CWQI ranking of the cities with surface-water sections, best first. */
    public List<WaterQualityIndex.Ranked> waterRanking(YearMonth month) {
        List<Site> list = sites.list(new SiteQuery(Medium.SURFACE_WATER, null, null));
        Map<String, Site> byCode = new HashMap<>();
        list.forEach(s -> byCode.put(s.code(), s));
        List<WaterEvaluator.SectionMonth> months = sectionMonths(list, month).stream().map(SectionMonth::month)
                .toList();
        return WaterEvaluator.rankCities(months, byCode::get);
    }

    /** Month of each section, in the order given: one read of the month's valid values of all of them. */
    public List<SectionMonth> sectionMonths(List<Site> sections, YearMonth month) {
        List<String> codes = new ArrayList<>(WaterEvaluator.CODES.keySet());
        List<WaterParameter> params = codes.stream().map(WaterEvaluator.CODES::get).toList();
        List<Map<WaterParameter, List<BigDecimal>>> values = new ArrayList<>(sections.size());
        for (int k = 0; k < sections.size(); k++) {
            values.add(new EnumMap<>(WaterParameter.class));
        }
        Instant from = month.atDay(1).atStartOfDay().toInstant(HourGrid.BEIJING);
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay().toInstant(HourGrid.BEIJING);
        observations.hourlyValues(new HourlyValuesQuery(sections.stream().map(Site::code).toList(), codes, from, to),
                (site, p, t, v, valid) -> {
                    if (valid && v >= 0 && !Double.isInfinite(v)) {
                        values.get(site).computeIfAbsent(params.get(p), x -> new ArrayList<>())
                                .add(WaterEvaluator.toStandardUnit(codes.get(p), v));
                    }
                });
        List<SectionMonth> out = new ArrayList<>(sections.size());
        for (int k = 0; k < sections.size(); k++) {
            Site s = sections.get(k);
            out.add(new SectionMonth(s, WaterEvaluator.monthly(s.code(), waterbody(s), month, values.get(k), 1,
                    waterRounding)));
        }
        return out;
    }

    /**
     * The section's water-body type from the site registry ({@link Site#waterbody()}: river, or lake/reservoir).
     * Fallback for a section registered without one (kept for site lists that predate the field): 水库 or 湖 in its
     * name = lake/reservoir, else river. The guess errs on names that carry a place such as 湖北 or 湖南; register
     * the type to be sure.
     */
    public static Waterbody waterbody(Site s) {
        if (s.waterbody() != null) {
            return s.waterbody().equals("river") ? Waterbody.RIVER : Waterbody.LAKE_RESERVOIR;
        }
        return s.name().contains("水库") || s.name().contains("湖") ? Waterbody.LAKE_RESERVOIR : Waterbody.RIVER;
    }

    /** Items worse than class III in the most sections (up to three), ties in Table 1 order. */
    public static List<WaterParameter> mainPollutants(Collection<SectionMonth> months) {
        Map<WaterParameter, Integer> count = new EnumMap<>(WaterParameter.class);
        for (SectionMonth m : months) {
            m.month().result().exceedances().forEach(e -> count.merge(e.parameter(), 1, Integer::sum));
        }
        return count.entrySet().stream()
                .sorted(Map.Entry.<WaterParameter, Integer>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(3).map(Map.Entry::getKey).toList();
    }
}
