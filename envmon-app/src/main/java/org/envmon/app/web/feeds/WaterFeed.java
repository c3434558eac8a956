package org.envmon.app.web.feeds;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.envmon.evaluation.WaterEvaluator;
import org.envmon.evaluation.water.WaterEvaluationService;
import org.envmon.model.HourlyValuesQuery;
import org.envmon.model.ObservationStore;
import org.envmon.model.BeijingTime;
import org.envmon.model.Medium;
import org.envmon.model.Site;
import org.envmon.model.SiteQuery;
import org.envmon.model.SiteStore;
import org.envmon.standards.water.WaterClass;
import org.envmon.standards.water.WaterQualityIndex;

/**
 * The public map's water feed: every surface-water section's latest class (GB 3838-2002 single-factor class of the
 * month's valid values): the current Beijing month so far, else the previous month, else the latest month with a
 * valid value (a section that stopped, or a publication loaded from files: the answer names each section's month);
 * sections without values are listed with a null class.
 */
public record WaterFeed(SiteStore sites, WaterEvaluationService water, ObservationStore observations) {
    /** The window of one backward read for the sections without a recent class, in months. */
    static final int MONTHS_BACK = 24;
    /** How far back a section's latest month is looked for. */
    static final int YEARS_BACK = 20;

    /**
     * One section. {@code waterClass}: I … V, 劣V; {@code classNumber} 1 … 6 (6 = worse than V) for colouring;
     * {@code meetsTarget} null without a class or target.
     */
    public record SectionNow(String code, String name, String basin, String province, String city, Double lat,
            Double lon, String waterbody, YearMonth month, String waterClass, Integer classNumber,
            Integer targetClass, Boolean meetsTarget, boolean drinkingWaterSource, List<String> mainPollutants,
            BigDecimal cwqi) {
    }

    public AirFeeds.Feed<SectionNow> sections(Instant now) {
        List<Site> list = sites.list(new SiteQuery(Medium.SURFACE_WATER, null, null));
        YearMonth month = YearMonth.from(now.atOffset(BeijingTime.OFFSET));
        List<SectionNow> out = new ArrayList<>(list.size());
        if (list.isEmpty()) {
            return new AirFeeds.Feed<>(null, 0, 0, out);
        }
        List<WaterEvaluationService.SectionMonth> latest = new ArrayList<>(water.sectionMonths(list, month));
        List<WaterEvaluationService.SectionMonth> previous = water.sectionMonths(list, month.minusMonths(1));
        for (int k = 0; k < list.size(); k++) {
            if (latest.get(k).month().waterClass().isEmpty()) {
                latest.set(k, previous.get(k));
            }
        }
        olderMonths(list, latest, month.minusMonths(1));
        int withData = 0;
        for (int k = 0; k < list.size(); k++) {
            Site s = list.get(k);
            WaterEvaluationService.SectionMonth m = latest.get(k);
            WaterClass c = m.month().waterClass().orElse(null);
            if (c == null) {
                out.add(new SectionNow(s.code(), s.name(), s.basin(), s.province(), s.city(), s.latitude(),
                        s.longitude(), s.waterbody(), null, null, null, s.targetClass(), null,
                        s.drinkingWaterSource(), List.of(), null));
                continue;
            }
            withData++;
            int number = c.ordinal() + 1;
            out.add(new SectionNow(s.code(), s.name(), s.basin(), s.province(), s.city(), s.latitude(), s.longitude(),
                    s.waterbody(), m.month().month(), c.label(), number, s.targetClass(),
                    s.targetClass() == null ? null : number <= s.targetClass(), s.drinkingWaterSource(),
                    m.month().result().mainPollutants().stream().map(e -> e.parameter().column()).toList(),
                    m.month().cwqi().map(WaterQualityIndex::display).orElse(null)));
        }
        return new AirFeeds.Feed<>(null, out.size(), withData, out);
    }

    /**
     * For the sections still without a class: reads of their valid routine values backwards, {@value #MONTHS_BACK}
     * months at a time (up to {@value #YEARS_BACK} years), find each one's latest month; each such month is then
     * classed as usual.
     */
    private void olderMonths(List<Site> list, List<WaterEvaluationService.SectionMonth> latest, YearMonth before) {
        List<Integer> missing = new ArrayList<>();
        for (int k = 0; k < list.size(); k++) {
            if (latest.get(k).month().waterClass().isEmpty()) {
                missing.add(k);
            }
        }
        Map<YearMonth, List<Integer>> byMonth = new TreeMap<>();
        YearMonth to = before;
        while (!missing.isEmpty() && to.isAfter(before.minusYears(YEARS_BACK))) {
            YearMonth from = to.minusMonths(MONTHS_BACK);
            long[] newest = new long[missing.size()];
            java.util.Arrays.fill(newest, Long.MIN_VALUE);
            observations.hourlyValues(new HourlyValuesQuery(missing.stream().map(k -> list.get(k).code()).toList(),
                    List.copyOf(WaterEvaluator.CODES.keySet()), start(from), start(to)), (site, p, t, v, valid) -> {
                        if (valid) {
                            newest[site] = Math.max(newest[site], t);
                        }
                    });
            List<Integer> still = new ArrayList<>();
            for (int i = 0; i < missing.size(); i++) {
                if (newest[i] == Long.MIN_VALUE) {
                    still.add(missing.get(i));
                } else {
                    byMonth.computeIfAbsent(YearMonth.from(Instant.ofEpochSecond(newest[i])
                            .atOffset(BeijingTime.OFFSET)), m -> new ArrayList<>()).add(missing.get(i));
                }
            }
            missing = still;
            to = from;
        }
        byMonth.forEach((m, ks) -> {
            List<WaterEvaluationService.SectionMonth> months = water.sectionMonths(ks.stream().map(list::get).toList(),
                    m);
            for (int i = 0; i < ks.size(); i++) {
                latest.set(ks.get(i), months.get(i));
            }
        });
    }

    private static Instant start(YearMonth m) {
        return m.atDay(1).atStartOfDay().toInstant(BeijingTime.OFFSET);
    }
}
