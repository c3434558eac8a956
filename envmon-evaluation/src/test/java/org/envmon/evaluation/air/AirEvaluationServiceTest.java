package org.envmon.evaluation.air;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.envmon.evaluation.AirRanking;
import org.envmon.model.InvalidRequest;
import org.envmon.model.Medium;
import org.envmon.model.NotFound;
import org.envmon.model.Site;
import org.envmon.store.DuckDbStorePerTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A site or city resolved to its stations, the period checks, and the cities a ranking lists without a rank. */
class AirEvaluationServiceTest extends DuckDbStorePerTest {
    private AirEvaluationService service;

    @BeforeEach
    void setUp() {
        store.sites().upsert(List.of(
                air("A1", "甲市", false), air("A2", "甲市", false), air("A9", "甲市", true),
                air("B1", "乙市", false), air("C9", "丙市", true),
                new Site("W1", "某断面", Medium.SURFACE_WATER, "MNW1", null, "省", "甲市", null, "河", 30.0, 114.0,
                        false)));
        service = new AirEvaluationService(store.sites(), store.observations(), store.derived(), 31);
    }

    private static Site air(String code, String city, boolean control) {
        return new Site(code, code, Medium.AIR, "MN" + code, null, "省", city, null, null, 30.0, 114.0, control);
    }

    @Test
    void aSiteOrACityIsResolvedToItsAssessmentStations() {
        AirTarget site = service.airTarget(" A9 ", null);
        assertThat(site.isCity()).isFalse();
        assertThat(site.stations()).extracting(Site::code).containsExactly("A9");

        AirTarget city = service.airTarget(null, " 甲市 ");
        assertThat(city.isCity()).isTrue();
        assertThat(city.city()).isEqualTo("甲市");
        assertThat(city.stations()).extracting(Site::code).containsExactlyInAnyOrder("A1", "A2"); // control left out
    }

    @Test
    void whatCannotBeAnsweredIsAnInvalidRequestAndWhatIsUnknownIsNotFound() {
        assertThatThrownBy(() -> service.airTarget(null, null)).isInstanceOf(InvalidRequest.class)
                .hasMessage("give exactly one of 'site' and 'city'");
        assertThatThrownBy(() -> service.airTarget("A1", "甲市")).isInstanceOf(InvalidRequest.class);
        assertThatThrownBy(() -> service.airTarget("X", null)).isInstanceOf(NotFound.class)
                .hasMessage("no site with code X");
        assertThatThrownBy(() -> service.airTarget("W1", null)).isInstanceOf(InvalidRequest.class)
                .hasMessage("site W1 is not an air site (SURFACE_WATER)");
        assertThatThrownBy(() -> service.cityStations("丙市")).isInstanceOf(NotFound.class) // control sites only
                .hasMessage("no air stations in city 丙市");
        assertThatThrownBy(() -> service.latestCityHours(Instant.now(), 73)).isInstanceOf(InvalidRequest.class);
    }

    @Test
    void periodsAreCheckedAgainstTheMaximum() {
        LocalDate d = LocalDate.of(2026, 1, 1);
        service.checkDays(d, d.plusDays(30));
        assertThatThrownBy(() -> service.checkDays(d, d.plusDays(31))).isInstanceOf(InvalidRequest.class)
                .hasMessage("the period is longer than the maximum of 31 days");
        assertThatThrownBy(() -> service.checkDays(d, d.minusDays(1))).isInstanceOf(InvalidRequest.class)
                .hasMessage("'from' must not be after 'to'");
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        assertThatThrownBy(() -> service.checkSpan(t, t)).isInstanceOf(InvalidRequest.class)
                .hasMessage("'from' must be before 'to'");
        assertThatThrownBy(() -> service.checkSpan(t, null)).isInstanceOf(InvalidRequest.class);
    }

    @Test
    void citiesWithoutValuesAreListedUnranked() {
        LocalDate d = LocalDate.of(2026, 1, 1);
        AirEvaluationService.CityRanking r = service.ranking(d, d.plusDays(6), AirRanking.By.COMPOSITE);
        assertThat(r.cities()).isEqualTo(2); // 丙市 has a control site only
        assertThat(r.ranking().ranked()).isEmpty();
        assertThat(r.ranking().unranked()).containsExactly("乙市", "甲市");
        assertThat(r.previousFrom()).isEqualTo(LocalDate.of(2025, 1, 1));
    }
}
