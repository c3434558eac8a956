package org.envmon.alerts.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.envmon.alerts.Fixtures;
import org.envmon.evaluation.derived.AirDerivation.CityDays;
import org.envmon.model.DerivedStore;
import org.envmon.model.DerivedStore.Scope;
import org.envmon.model.Store;
import org.envmon.store.DuckDbTestDatabase;
import org.envmon.store.Stores;
import org.junit.jupiter.api.Test;

/** What the feed hands to the engine: new or changed AQI only, today's daily value as provisional. */
class CityAqiFeedTest {
    // 2026-07-01 12:30 Beijing time
    private static final Instant NOW = Instant.parse("2026-07-01T04:30:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 7, 1);

    private static DerivedStore.Hour hour(Instant start, int aqi) {
        return new DerivedStore.Hour(Scope.CITY, "北京", start, aqi, 0, 1, new long[DerivedStore.HOUR_VALUES]);
    }

    private static DerivedStore.Day day(LocalDate d, int aqi) {
        return new DerivedStore.Day(Scope.CITY, "北京", d, aqi, 0, 1, new long[DerivedStore.DAY_VALUES],
                new int[DerivedStore.POLLUTANTS], 17);
    }

    @Test
    void sendsNewOrChangedValuesAndADayAgainOnceItIsFinal() {
        DuckDbTestDatabase db = DuckDbTestDatabase.create();
        try (Store store = Stores.open(db.storeConfig())) {
            Fixtures f = new Fixtures(Fixtures.rules("rule.hp.type=heavy-pollution"));
            CityAqiFeed feed = new CityAqiFeed(store.derived(), f.engine, 3);
            Instant h = Instant.parse("2026-07-01T03:00:00Z");
            CityDays city = new CityDays("北京", List.of(hour(h, 120), hour(h.minusSeconds(3600), -1)),
                    List.of(day(TODAY, 210), day(TODAY.minusDays(1), 230)));
            assertThat(feed.accept(city, NOW)).isEqualTo(3); // the hour with an AQI, today (provisional), yesterday
            assertThat(feed.accept(city, NOW)).isZero();     // nothing changed
            // the next day: yesterday's value is final now, so it is sent again with the same AQI
            assertThat(feed.accept(new CityDays("北京", List.of(), List.of(day(TODAY, 210))),
                    NOW.plusSeconds(86_400))).isEqualTo(1);
        } finally {
            db.close();
        }
    }
}
