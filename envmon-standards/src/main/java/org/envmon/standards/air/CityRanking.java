package org.envmon.standards.air;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * City ranking by composite index (环办监测〔2018〕19号, digest §4): ascending I_sum (smaller is better); cities with
 * equal values share a rank (standard competition ranking 1, 2, 2, 4) [unconfirmed]; change rate
 * {@code (I_this − I_last) / I_last × 100 %} (城市环境空气质量变化程度排名方案, 2017).
 */
public final class CityRanking {

    /** One ranked city. */
    public record Entry(String city, BigDecimal index, int rank) {
    }

    private CityRanking() {
    }

    /** Ranks cities by their (already rounded) composite index. */
    public static List<Entry> rank(Map<String, BigDecimal> indexByCity) {
        List<Map.Entry<String, BigDecimal>> list = new ArrayList<>(indexByCity.entrySet());
        list.sort(Map.Entry.<String, BigDecimal>comparingByValue().thenComparing(Map.Entry.comparingByKey(
                Comparator.naturalOrder())));
        List<Entry> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            BigDecimal v = list.get(i).getValue();
            int rank = i > 0 && v.compareTo(list.get(i - 1).getValue()) == 0 ? out.get(i - 1).rank() : i + 1;
            out.add(new Entry(list.get(i).getKey(), v, rank));
        }
        return List.copyOf(out);
    }

    /** Change rate in % to 1 decimal [decimals unconfirmed]. */
    public static BigDecimal changeRate(BigDecimal thisPeriod, BigDecimal lastPeriod) {
        return thisPeriod.subtract(lastPeriod).multiply(BigDecimal.valueOf(100))
                .divide(lastPeriod, 1, RoundingMode.HALF_EVEN);
    }
}
