package org.envmon.evaluation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.envmon.standards.water.GroupEvaluation;
import org.envmon.standards.water.SectionClassResult;
import org.envmon.standards.water.SurfaceWaterClassification;
import org.envmon.standards.water.SurfaceWaterEvaluation;
import org.envmon.standards.water.WaterClass;
import org.envmon.standards.water.WaterParameter;
import org.envmon.standards.water.WaterQualityIndex;
import org.envmon.standards.water.WaterRounding;
import org.envmon.standards.water.Waterbody;
import org.envmon.store.Medium;
import org.envmon.store.Observation;
import org.envmon.store.Site;
import org.envmon.store.Statistic;

/**
 * Derived surface-water values: the monthly class of a section, basin/province evaluation, and the CWQI ranking of
 * cities, on the standards library (GB 3838-2002, 环办〔2011〕22号, 环办监测〔2017〕51号). Stateless.
 *
 * <h2>Decisions (the routine method is silent on automatic-station data)</h2>
 * <ul>
 *   <li><b>Monthly value</b> of a parameter: the arithmetic mean of the month's valid values (effective validity;
 *       interval values of any interval: the automatic stations' 4-hourly or hourly values, or a manual monthly
 *       sample), Beijing-time calendar month, exact (DECIMAL128). pH is averaged like the others. A parameter counts
 *       with at least {@code minValues} values (default 1). Negative values are skipped (QC failures).</li>
 *   <li><b>Reported value</b>: the exact mean rounded once by the deployment's {@link WaterRounding} (default
 *       {@link WaterRounding#REPORTED}: each item to the national publication's reporting precision, GB/T 8170
 *       half-even), as the national publication classes it; {@link WaterRounding#NONE} classes the exact means.
 *       The rounding happens in one place, the standards' section entry point
 *       ({@link SurfaceWaterClassification#classifySection(Map, Waterbody, WaterRounding)}); the class, the main
 *       pollutants, the CWQI and every group built on the section use the reported values.</li>
 *   <li><b>Section class</b>: the single-factor class of the reported monthly values under the routine scope (21
 *       items; TN and fecal coliform classified but not counted), worst item wins; main pollutants as the
 *       library.</li>
 *   <li><b>Basin / province</b> ({@link #evaluateGroups}): all sections of the group (control sections included),
 *       the share method with ≥ 5 classified sections (each with its own water body), else the mean-concentration
 *       method of {@link SurfaceWaterEvaluation#evaluateSections}; a group of fewer than 5 that mixes rivers and
 *       lakes is evaluated with the lake table if any section is a lake (the stricter TP limit); the group's mean of
 *       the exact monthly means is rounded once by the sections' policy.</li>
 *   <li><b>CWQI</b>: section CWQI from the reported monthly values of the routine items present ({@link
 *       WaterQualityIndex#sectionIndex}); city CWQI = mean over the city's non-control sections; ranked ascending
 *       on the unrounded index ({@link WaterQualityIndex#rank}). Sections whose index cannot be computed (DO = 0) are
 *       left out of their city.</li>
 * </ul>
 */
public final class WaterEvaluator {

    /** HJ 212-2017 codes of the GB 3838 Table 1 items (digest §9.4). */
    public static final Map<String, WaterParameter> CODES;

    static {
        Map<String, WaterParameter> m = new TreeMap<>();
        m.put("w01001", WaterParameter.PH);
        m.put("w01009", WaterParameter.DO);
        m.put("w01019", WaterParameter.CODMN);
        m.put("w01018", WaterParameter.COD);
        m.put("w01017", WaterParameter.BOD5);
        m.put("w21003", WaterParameter.NH3N);
        m.put("w21011", WaterParameter.TP);
        m.put("w21001", WaterParameter.TN);
        m.put("w20122", WaterParameter.CU);
        m.put("w20123", WaterParameter.ZN);
        m.put("w21017", WaterParameter.F);
        m.put("w20128", WaterParameter.SE);
        m.put("w20119", WaterParameter.AS);
        m.put("w20111", WaterParameter.HG);
        m.put("w20115", WaterParameter.CD);
        m.put("w20117", WaterParameter.CR6);
        m.put("w20120", WaterParameter.PB);
        m.put("w21016", WaterParameter.CN);
        m.put("w23002", WaterParameter.PHENOL);
        m.put("w22001", WaterParameter.PETROLEUM);
        m.put("w19002", WaterParameter.LAS);
        m.put("w21019", WaterParameter.S2);
        m.put("w02003", WaterParameter.FECAL_COLIFORM);
        CODES = Collections.unmodifiableMap(m);
    }

    /**
     * Codes the HJ 212 parameter catalogue (envmon-hj212 parameters.csv) gives in µg/L, while GB 3838-2002 Table 1
     * limits are mg/L: their values are divided by 1000 before they are averaged or classified.
     */
    public static final java.util.Set<String> MICROGRAM_CODES = java.util.Set.of("w20111", "w20115", "w20117",
            "w20119", "w20120", "w20128");

    private WaterEvaluator() {
    }

    /** A received value in the unit of GB 3838 (mg/L; pH dimensionless; fecal coliform per L). */
    public static BigDecimal toStandardUnit(String hj212Code, double value) {
        BigDecimal v = BigDecimal.valueOf(value);
        return MICROGRAM_CODES.contains(hj212Code) ? v.movePointLeft(3) : v;
    }

    /** The GB 3838 parameter of an HJ 212 code. */
    public static Optional<WaterParameter> parameterOf(String hj212Code) {
        return Optional.ofNullable(CODES.get(hj212Code));
    }

    /**
     * One section's month.
     *
     * @param means    monthly mean per parameter (exact, unrounded)
     * @param counts   values averaged per parameter
     * @param result   single-factor classification of the reported means (routine scope)
     * @param cwqi     section CWQI of the routine items present, from the reported means; empty when not computable
     * @param rounding how the means were rounded before classing
     */
    public record SectionMonth(String section, YearMonth month, Waterbody waterbody,
            Map<WaterParameter, BigDecimal> means, Map<WaterParameter, Integer> counts, SectionClassResult result,
            Optional<BigDecimal> cwqi, WaterRounding rounding) {

        /** The section class, empty when no routine parameter has a value. */
        public Optional<WaterClass> waterClass() {
            return result.sectionClass();
        }

        /** The monthly values as classed: the means rounded by {@link #rounding()}. */
        public Map<WaterParameter, BigDecimal> reported() {
            return result.values();
        }
    }

    /** {@link #monthly(Site, Waterbody, YearMonth, Iterable, int, WaterRounding)} as the publication rounds. */
    public static SectionMonth monthly(Site section, Waterbody waterbody, YearMonth month,
            Iterable<Observation> observations, int minValues) {
        return monthly(section, waterbody, month, observations, minValues, WaterRounding.REPORTED);
    }

    /**
     * Monthly class of a section from its observations: values of {@code section} with {@link Statistic#VALUE},
     * effectively valid, of a known parameter, in {@code month} (Beijing time).
     */
    public static SectionMonth monthly(Site section, Waterbody waterbody, YearMonth month,
            Iterable<Observation> observations, int minValues, WaterRounding rounding) {
        if (section.medium() != Medium.SURFACE_WATER) {
            throw new IllegalArgumentException("not a surface-water section: " + section.code());
        }
        Map<WaterParameter, List<BigDecimal>> values = new EnumMap<>(WaterParameter.class);
        for (Observation o : observations) {
            if (!o.siteCode().equals(section.code()) || o.statistic() != Statistic.VALUE || !o.effectiveValid()
                    || !(o.value() >= 0) || Double.isInfinite(o.value())) {
                continue;
            }
            WaterParameter p = CODES.get(o.parameter());
            if (p == null || !YearMonth.from(LocalDateTime.ofInstant(o.time(), HourGrid.BEIJING)).equals(month)) {
                continue;
            }
            values.computeIfAbsent(p, k -> new ArrayList<>()).add(toStandardUnit(o.parameter(), o.value()));
        }
        return monthly(section.code(), waterbody, month, values, minValues, rounding);
    }

    /** {@link #monthly(String, Waterbody, YearMonth, Map, int, WaterRounding)} as the publication rounds. */
    public static SectionMonth monthly(String section, Waterbody waterbody, YearMonth month,
            Map<WaterParameter, ? extends Collection<BigDecimal>> values, int minValues) {
        return monthly(section, waterbody, month, values, minValues, WaterRounding.REPORTED);
    }

    /** Monthly class from the month's valid values per parameter, the means rounded by {@code rounding}. */
    public static SectionMonth monthly(String section, Waterbody waterbody, YearMonth month,
            Map<WaterParameter, ? extends Collection<BigDecimal>> values, int minValues, WaterRounding rounding) {
        Objects.requireNonNull(waterbody, "waterbody");
        Objects.requireNonNull(rounding, "rounding");
        Map<WaterParameter, BigDecimal> means = new EnumMap<>(WaterParameter.class);
        Map<WaterParameter, Integer> counts = new EnumMap<>(WaterParameter.class);
        values.forEach((p, vs) -> {
            BigDecimal sum = BigDecimal.ZERO;
            int n = 0;
            for (BigDecimal v : vs) {
                if (v != null && v.signum() >= 0) {
                    sum = sum.add(v);
                    n++;
                }
            }
            if (n > 0 && n >= minValues) {
                means.put(p, sum.divide(BigDecimal.valueOf(n), MathContext.DECIMAL128));
                counts.put(p, n);
            }
        });
        SectionClassResult r = SurfaceWaterClassification.classifySection(means, waterbody, rounding);
        Optional<BigDecimal> cwqi;
        try {
            cwqi = means.keySet().stream().anyMatch(WaterParameter::isRoutine)
                    ? Optional.of(WaterQualityIndex.sectionIndex(r.values(), waterbody)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            cwqi = Optional.empty(); // DO of 0 (as reported): CWQI undefined
        }
        return new SectionMonth(section, month, waterbody, Map.copyOf(means), Map.copyOf(counts), r, cwqi,
                rounding);
    }

    /**
     * Evaluation of one group of sections (basin, province, river), rounded as its sections were. Empty when no
     * section has a class.
     *
     * @throws IllegalArgumentException when the sections were rounded differently
     */
    public static Optional<GroupEvaluation> evaluateGroup(Collection<SectionMonth> sections) {
        List<SectionMonth> classed = sections.stream().filter(s -> s.waterClass().isPresent()).toList();
        if (classed.isEmpty()) {
            return Optional.empty();
        }
        WaterRounding rounding = classed.get(0).rounding();
        if (classed.stream().anyMatch(s -> !s.rounding().equals(rounding))) {
            throw new IllegalArgumentException("the sections of a group were rounded differently");
        }
        if (classed.size() >= SurfaceWaterEvaluation.MIN_SECTIONS_FOR_SHARES) {
            return Optional.of(SurfaceWaterEvaluation.evaluateByShares(
                    classed.stream().map(s -> s.waterClass().orElseThrow()).toList()));
        }
        Waterbody wb = classed.stream().anyMatch(s -> s.waterbody() == Waterbody.LAKE_RESERVOIR)
                ? Waterbody.LAKE_RESERVOIR : Waterbody.RIVER;
        return Optional.of(SurfaceWaterEvaluation.evaluateSections(
                classed.stream().map(SectionMonth::means).map(m -> (Map<WaterParameter, BigDecimal>) m).toList(),
                wb, rounding));
    }

    /**
     * Groups sections by a site attribute (e.g. {@code Site::basin} or {@code Site::province}) and evaluates each
     * group; sections whose site is unknown or whose key is null are left out.
     */
    public static Map<String, GroupEvaluation> evaluateGroups(Collection<SectionMonth> sections,
            Function<String, Site> sites, Function<Site, String> key) {
        Map<String, List<SectionMonth>> groups = new TreeMap<>();
        for (SectionMonth s : sections) {
            Site site = sites.apply(s.section());
            String k = site == null ? null : key.apply(site);
            if (k != null) {
                groups.computeIfAbsent(k, x -> new ArrayList<>()).add(s);
            }
        }
        Map<String, GroupEvaluation> out = new TreeMap<>();
        groups.forEach((k, list) -> evaluateGroup(list).ifPresent(g -> out.put(k, g)));
        return out;
    }

    /** City CWQI per city: the mean of its non-control sections' CWQI. */
    public static Map<String, BigDecimal> cityIndices(Collection<SectionMonth> sections,
            Function<String, Site> sites) {
        Map<String, List<BigDecimal>> byCity = new TreeMap<>();
        for (SectionMonth s : sections) {
            Site site = sites.apply(s.section());
            if (site == null || site.city() == null || site.control() || s.cwqi().isEmpty()) {
                continue;
            }
            byCity.computeIfAbsent(site.city(), k -> new ArrayList<>()).add(s.cwqi().get());
        }
        Map<String, BigDecimal> out = new TreeMap<>();
        byCity.forEach((c, l) -> out.put(c, WaterQualityIndex.cityIndex(l)));
        return out;
    }

    /** CWQI ranking of cities, best (lowest) first ({@code /rankings/water?month=}). */
    public static List<WaterQualityIndex.Ranked> rankCities(Collection<SectionMonth> sections,
            Function<String, Site> sites) {
        return WaterQualityIndex.rank(cityIndices(sections, sites));
    }
}
