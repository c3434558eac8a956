package org.envmon.evaluation.derived;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.envmon.evaluation.AirEvaluator;
import org.envmon.evaluation.AirPollutants;
import org.envmon.evaluation.HourGrid;
import org.envmon.evaluation.Recompute;
import org.envmon.evaluation.StationDaily;
import org.envmon.evaluation.StationHourSeries;
import org.envmon.evaluation.StationHourly;
import org.envmon.model.DerivedStore;
import org.envmon.model.DerivedStore.Scope;
import org.envmon.store.DuckDbStorePerTest;
import org.envmon.model.Interval;
import org.envmon.model.Medium;
import org.envmon.model.ObservationRow;
import org.envmon.model.PacketWrite;
import org.envmon.model.RawPacket;
import org.envmon.model.ReviewDecision;
import org.envmon.model.ReviewRequest;
import org.envmon.model.Site;
import org.envmon.model.Statistic;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The derived tables against the in-memory evaluator on the same inputs, and recompute after a review. */
class AirDerivationTest extends DuckDbStorePerTest {
    private static final String CITY = "测试市";
    private static final LocalDate D1 = LocalDate.of(2025, 3, 1);
    private static final LocalDate D3 = D1.plusDays(2);
    private static final List<Site> SITES = List.of(
            new Site("A", "甲", Medium.AIR, "MNA", null, "省", CITY, null, null, 30.0, 114.0, false),
            new Site("B", "乙", Medium.AIR, "MNB", null, "省", CITY, null, null, 30.0, 114.0, false),
            new Site("C", "对照", Medium.AIR, "MNC", null, "省", CITY, null, null, 30.0, 114.0, true),
            new Site("D", "无城市", Medium.AIR, "MND", null, null, null, null, null, 30.0, 114.0, false));

    private AirDerivation derivation;
    /** site → pollutant → hour index (from D1 00:00) → value; what was written. */
    private final Map<String, double[][]> written = new HashMap<>();

    @BeforeEach
    void setUp() {
        store.sites().upsert(SITES);
        Random rnd = new Random(20250301);
        List<PacketWrite> batch = new ArrayList<>();
        Instant t0 = D1.atStartOfDay().toInstant(HourGrid.BEIJING);
        for (Site s : SITES) {
            double[][] v = new double[AirPollutants.COUNT][72];
            written.put(s.code(), v);
            for (int i = 0; i < 72; i++) {
                List<ObservationRow> rows = new ArrayList<>();
                for (int p = 0; p < AirPollutants.COUNT; p++) {
                    boolean gap = rnd.nextInt(12) == 0 || (s.code().equals("B") && i >= 30 && i < 40);
                    double x = p == AirPollutants.CO ? Math.round(rnd.nextDouble() * 30) / 10.0
                            : 5 + rnd.nextInt(p == AirPollutants.PM25 ? 180 : 240);
                    v[p][i] = gap ? -1 : x;
                    if (!gap) {
                        rows.add(new ObservationRow(s.code(), AirPollutants.CODES.get(p), Interval.HOUR,
                                Statistic.VALUE, t0.plusSeconds(3600L * i), x, "N"));
                    }
                }
                byte[] raw = (s.code() + i).getBytes(StandardCharsets.US_ASCII);
                batch.add(new PacketWrite(new RawPacket(raw, "test", Instant.now(), "test", s.mn(), "2061",
                        s.code() + i, s.code() + "-" + i, true), rows));
            }
        }
        store.observations().write(batch);
        derivation = new AirDerivation(store.sites(), store.observations(), store.derived());
    }

    /** The in-memory series of what was written (and not reviewed away), on a grid from the day before D1. */
    private StationHourSeries series(String code, HourGrid grid, String rejectedCode, int rejectedHour) {
        Site s = SITES.stream().filter(x -> x.code().equals(code)).findFirst().orElseThrow();
        StationHourSeries.Builder b = StationHourSeries.builder(s, grid);
        double[][] v = written.get(code);
        for (int p = 0; p < AirPollutants.COUNT; p++) {
            for (int i = 0; i < 72; i++) {
                boolean rejected = code.equals(rejectedCode) && p == AirPollutants.PM25 && i == rejectedHour;
                if (v[p][i] >= 0 && !rejected) {
                    b.put(p, i + 24, AirPollutants.toMilli(v[p][i]));
                }
            }
        }
        return b.build();
    }

    private void assertDerivedEqualsEvaluator(String rejectedCode, int rejectedHour) {
        HourGrid grid = HourGrid.of(D1.minusDays(1), D3);
        Map<String, StationHourSeries> all = new HashMap<>();
        for (Site s : SITES) {
            all.put(s.code(), series(s.code(), grid, rejectedCode, rejectedHour));
        }
        StationHourSeries city = AirEvaluator.cityMean(CITY, List.of(all.get("A"), all.get("B"), all.get("C")));
        Map<String, StationHourSeries> expected = new HashMap<>(all);
        expected.put("city:" + CITY, city);
        for (Map.Entry<String, StationHourSeries> e : expected.entrySet()) {
            boolean isCity = e.getKey().startsWith("city:");
            Scope scope = isCity ? Scope.CITY : Scope.STATION;
            String code = isCity ? CITY : e.getKey();
            StationHourly h = AirEvaluator.hourly(e.getValue());
            StationDaily d = AirEvaluator.daily(e.getValue());
            Map<Instant, DerivedStore.Hour> hours = new HashMap<>();
            store.derived().hours(scope, List.of(code), grid.start(0), grid.start(grid.hours()),
                    x -> hours.put(x.start(), x));
            for (int i = 24; i < grid.hours(); i++) {
                DerivedStore.Hour row = hours.get(grid.start(i));
                if (h.aqi(i) < 0) {
                    assertThat(row == null || row.aqi() < 0).as(code + " hour " + i).isTrue();
                    continue;
                }
                assertThat(row).as(code + " hour " + i).isNotNull();
                assertThat(row.aqi()).as(code + " hour " + i).isEqualTo(h.aqi(i));
                assertThat(row.primaryMask()).isEqualTo(h.primaryMask(i));
                assertThat(row.values()[DerivedStore.O3_8H]).isEqualTo(h.o3EightHour(i));
                // a city row carries the city's reported concentration (2012: the mean rounded half up)
                assertThat(row.values()[AirPollutants.PM25])
                        .isEqualTo(e.getValue().reportedValue(AirPollutants.PM25, i));
            }
            List<DerivedStore.Day> days = new ArrayList<>();
            store.derived().days(scope, List.of(code), D1, D3, days::add);
            StationDaily restored = StationDaily.restored(code, e.getValue().kind(), grid, days);
            for (int k = 1; k < grid.days(); k++) {
                assertThat(restored.aqi(k)).as(code + " day " + k).isEqualTo(d.aqi(k));
                assertThat(restored.primaryMask(k)).isEqualTo(d.primaryMask(k));
                for (int x = 0; x < StationDaily.INDICATORS; x++) {
                    assertThat(restored.value(x, k)).as(code + " day " + k + " indicator " + x)
                            .isEqualTo(d.value(x, k));
                }
                for (int p = 0; p < AirPollutants.COUNT; p++) {
                    assertThat(restored.validHours(p, k)).isEqualTo(d.validHours(p, k));
                }
                assertThat(restored.o3ValidWindows(k)).isEqualTo(d.o3ValidWindows(k));
            }
        }
    }

    @Test
    void recomputeAllStoresWhatTheEvaluatorComputes() {
        AirDerivation.Result r = derivation.recomputeAll(D1, D3);
        assertThat(r.stations()).isEqualTo(4);
        assertThat(r.cities()).isEqualTo(1);
        assertThat(r.dayRows()).isEqualTo(5 * 3);
        assertDerivedEqualsEvaluator(null, -1);
        // The control station has its own rows but is not in the city's mean (HJ 663): covered by the comparison.
        assertThat(store.derived().count(Scope.STATION)[1]).isEqualTo(12);
        // Recomputing again changes nothing.
        List<DerivedStore.Hour> before = allHours();
        derivation.recomputeAll(D1, D3);
        assertThat(allHours()).isEqualTo(before);
    }

    @Test
    void aLongRecomputeGoesWindowByWindowWithTheSameResult() {
        // Windows of 28 days from D1 - 26: the boundary falls between D1 + 1 and D1 + 2, inside the data; the
        // second window's first hours need the last day of the first window for their moving means.
        derivation.recomputeAll(D1.minusDays(AirDerivation.WINDOW_DAYS - 2), D3);
        assertDerivedEqualsEvaluator(null, -1);
    }

    @Test
    void aFailedWindowCommitsNothingOfTheRebuild() {
        derivation.recomputeAll(D1, D3);
        List<DerivedStore.Hour> before = allHours();
        int[] calls = {0};
        org.envmon.model.ObservationStore failing = (org.envmon.model.ObservationStore) java.lang.reflect.Proxy
                .newProxyInstance(getClass().getClassLoader(), new Class<?>[] {org.envmon.model.ObservationStore.class},
                        (proxy, m, a) -> {
                            if (m.getName().equals("hourlyValues") && ++calls[0] == 2) {
                                throw new org.envmon.model.StoreException("disk gone");
                            }
                            try {
                                return m.invoke(store.observations(), a);
                            } catch (java.lang.reflect.InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
        AirDerivation broken = new AirDerivation(store.sites(), failing, store.derived());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> broken.recomputeAll(
                D1.minusDays(AirDerivation.WINDOW_DAYS - 2), D3)).hasMessageContaining("disk gone");
        assertThat(allHours()).isEqualTo(before);
        // and the store is free again for the next write
        derivation.recomputeAll(D1, D3);
        assertThat(allHours()).isEqualTo(before);
    }

    @Test
    void aReviewChangesExactlyTheAffectedHoursAndDays() {
        derivation.recomputeAll(D1, D3);
        List<DerivedStore.Hour> before = allHours();
        List<DerivedStore.Day> daysBefore = allDays();
        int hour = 50; // D3 02:00 Beijing, or the next hour with a PM2.5 value at A
        while (written.get("A")[AirPollutants.PM25][hour] < 0) {
            hour++;
        }
        Instant t = D1.atStartOfDay().toInstant(HourGrid.BEIJING).plusSeconds(3600L * hour);
        store.reviews().record(new ReviewRequest("A", "a34004", Interval.HOUR, t, t.plusSeconds(3600),
                ReviewDecision.INVALID, "instrument fault", "tester"));
        Recompute.Affected affected = Recompute.affected(List.of(new Recompute.Change("A", "a34004", t)),
                Recompute.lookup(SITES));
        List<AirDerivation.CityDays> live = new ArrayList<>();
        derivation.applyChanges(List.of(new Recompute.Change("A", "a34004", t)), Recompute.lookup(SITES), live::add);
        assertDerivedEqualsEvaluator("A", hour);
        assertThat(live).extracting(AirDerivation.CityDays::city).containsExactly(CITY);

        List<DerivedStore.Hour> after = allHours();
        // Station A's and the city's PM2.5 change only in the affected hours: every changed row is an affected one.
        Map<String, DerivedStore.Hour> old = new HashMap<>();
        before.forEach(h -> old.put(h.scope() + h.code() + h.start(), h));
        int changed = 0;
        for (DerivedStore.Hour h : after) {
            DerivedStore.Hour o = old.remove(h.scope() + h.code() + h.start());
            if (!h.equals(o)) {
                changed++;
                Recompute.Scope scope = h.scope() == Scope.CITY ? Recompute.Scope.CITY : Recompute.Scope.STATION;
                assertThat(affected.targets()).as("changed " + h).anyMatch(x -> x.scope() == scope
                        && x.code().equals(h.code()) && x.start().equals(h.start()));
            }
        }
        assertThat(old).isEmpty();
        assertThat(changed).isPositive();
        List<DerivedStore.Day> daysAfter = allDays();
        for (int k = 0; k < daysAfter.size(); k++) {
            DerivedStore.Day d = daysAfter.get(k);
            if (!d.equals(daysBefore.get(k))) {
                assertThat(d.day()).isEqualTo(D3);
                assertThat(d.code()).isIn("A", CITY);
            }
        }
    }

    private List<DerivedStore.Hour> allHours() {
        List<DerivedStore.Hour> out = new ArrayList<>();
        for (Scope s : Scope.values()) {
            store.derived().hours(s, null, Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"), out::add);
        }
        return out;
    }

    private List<DerivedStore.Day> allDays() {
        List<DerivedStore.Day> out = new ArrayList<>();
        for (Scope s : Scope.values()) {
            store.derived().days(s, null, LocalDate.of(2000, 1, 1), LocalDate.of(2100, 1, 1), out::add);
        }
        return out;
    }
}
