package org.envmon.evaluation.water;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.envmon.model.InvalidRequest;
import org.envmon.model.Interval;
import org.envmon.model.Medium;
import org.envmon.model.NotFound;
import org.envmon.model.ObservationRow;
import org.envmon.model.PacketWrite;
import org.envmon.model.RawPacket;
import org.envmon.model.Site;
import org.envmon.model.Statistic;
import org.envmon.standards.water.WaterClass;
import org.envmon.standards.water.WaterParameter;
import org.envmon.standards.water.WaterRounding;
import org.envmon.standards.water.Waterbody;
import org.envmon.store.DuckDbStorePerTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A section's month: the water body from the registry, values in the standard's units; groups and their errors. */
class WaterEvaluationServiceTest extends DuckDbStorePerTest {
    private static final YearMonth MONTH = YearMonth.of(2026, 3);
    private static final Instant HOUR = Instant.parse("2026-03-10T04:00:00Z");
    private WaterEvaluationService service;

    @BeforeEach
    void setUp() {
        store.sites().upsert(List.of(
                section("R", "东湖出口", "river"), section("L", "东湖出口二", "lake"),
                section("N", "某水库", null), section("M", "某大桥", null),
                new Site("A1", "站", Medium.AIR, "MNA1", null, "省", "甲市", null, null, 30.0, 114.0, false)));
        service = new WaterEvaluationService(store.sites(), store.observations(), WaterRounding.REPORTED);
    }

    private static Site section(String code, String name, String waterbody) {
        return new Site(code, name, Medium.SURFACE_WATER, "MN" + code, null, "省", "甲市", null, "东河", 30.0, 114.0,
                false).withWaterSection(waterbody, null, false);
    }

    private void write(String site, String code, double value) {
        List<ObservationRow> rows = new ArrayList<>();
        rows.add(new ObservationRow(site, code, Interval.HOUR, Statistic.VALUE, HOUR, value, "N"));
        byte[] raw = (site + code).getBytes(StandardCharsets.US_ASCII);
        store.observations().write(List.of(new PacketWrite(new RawPacket(raw, "test", HOUR, "hj212", "MN" + site,
                "2061", site + code, site + code, true), rows)));
    }

    @Test
    void theWaterBodyIsTheRegisteredOneNotWhatTheNameSuggests() {
        write("R", "w21011", 0.1); // TP 0.1 mg/L: river class II, lake/reservoir class IV (GB 3838 Table 1)
        write("L", "w21011", 0.1);
        List<WaterEvaluationService.SectionMonth> m = service.sectionMonths(
                store.sites().list(new org.envmon.model.SiteQuery(Medium.SURFACE_WATER, null, null)).stream()
                        .filter(s -> s.code().equals("R") || s.code().equals("L")).toList(), MONTH);
        assertThat(m).extracting(x -> x.site().code()).containsExactly("L", "R");
        assertThat(m.get(0).month().waterbody()).isEqualTo(Waterbody.LAKE_RESERVOIR);
        assertThat(m.get(0).month().waterClass()).contains(WaterClass.IV);
        assertThat(m.get(1).month().waterbody()).isEqualTo(Waterbody.RIVER);
        assertThat(m.get(1).month().waterClass()).contains(WaterClass.II);
    }

    @Test
    void aSectionRegisteredWithoutWaterBodyFallsBackOnItsName() {
        assertThat(WaterEvaluationService.waterbody(store.sites().byCode("N").orElseThrow()))
                .isEqualTo(Waterbody.LAKE_RESERVOIR);
        assertThat(WaterEvaluationService.waterbody(store.sites().byCode("M").orElseThrow()))
                .isEqualTo(Waterbody.RIVER);
    }

    @Test
    void microgramValuesAreAveragedInMilligrams() {
        write("M", "w20111", 0.08); // Hg, µg/L in the HJ 212 catalogue
        WaterEvaluationService.SectionMonth m = service.sectionMonth("M", MONTH);
        assertThat(m.month().means().get(WaterParameter.HG)).isEqualByComparingTo(new BigDecimal("0.00008"));
    }

    @Test
    void aGroupListsItsMainPollutants() {
        write("R", "w21011", 0.3); // TP worse than class III in river R and in lake L
        write("L", "w21011", 0.3);
        write("L", "w21003", 1.8); // NH3-N class V in L only
        WaterEvaluationService.WaterGroup g = service.waterGroup("东河", null, MONTH);
        assertThat(g.by()).isEqualTo("basin");
        assertThat(g.sections()).hasSize(4);
        assertThat(g.mainPollutants()).containsExactly(WaterParameter.TP, WaterParameter.NH3N);
    }

    @Test
    void whatCannotBeAnsweredIsAnInvalidRequestAndWhatIsUnknownIsNotFound() {
        assertThatThrownBy(() -> service.sectionMonth("X", MONTH)).isInstanceOf(NotFound.class)
                .hasMessage("no site with code X");
        assertThatThrownBy(() -> service.sectionMonth("A1", MONTH)).isInstanceOf(InvalidRequest.class)
                .hasMessage("site A1 is not a surface-water section (AIR)");
        assertThatThrownBy(() -> service.waterGroup("东河", "省", MONTH)).isInstanceOf(InvalidRequest.class)
                .hasMessage("give exactly one of 'basin' and 'province'");
        assertThatThrownBy(() -> service.waterGroup(null, "无省", MONTH)).isInstanceOf(NotFound.class)
                .hasMessage("no surface-water sections in province 无省");
    }
}
