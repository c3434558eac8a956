package org.envmon.app.web.feeds;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.envmon.evaluation.water.WaterEvaluationService;
import org.envmon.model.BeijingTime;
import org.envmon.model.Medium;
import org.envmon.model.Site;
import org.envmon.model.SiteQuery;
import org.envmon.model.SiteStore;
import org.envmon.standards.water.WaterClass;
import org.envmon.standards.water.WaterQualityIndex;

/**
 * The public map's water feed: every surface-water section's latest class (GB 3838-2002 single-factor class of the
 * month's valid values): the current Beijing month so far, else the previous month; sections without values in
 * either are listed with a null class.
 */
public final class WaterFeed {
    private final SiteStore sites;
    private final WaterEvaluationService water;

    public WaterFeed(SiteStore sites, WaterEvaluationService water) {
        this.sites = sites;
        this.water = water;
    }

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
        List<WaterEvaluationService.SectionMonth> current = water.sectionMonths(list, month);
        List<WaterEvaluationService.SectionMonth> previous = water.sectionMonths(list, month.minusMonths(1));
        int withData = 0;
        for (int k = 0; k < list.size(); k++) {
            Site s = list.get(k);
            WaterEvaluationService.SectionMonth m = current.get(k).month().waterClass().isPresent() ? current.get(k)
                    : previous.get(k);
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
}
