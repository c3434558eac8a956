package org.envmon.app.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.envmon.app.evaluation.EvaluationApiContract.BJ;
import static org.envmon.app.evaluation.EvaluationApiContract.ok;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.envmon.app.RunningPlatform;
import org.envmon.model.Interval;
import org.envmon.model.Medium;
import org.envmon.model.ObservationRow;
import org.envmon.model.ObservationStore;
import org.envmon.model.PacketWrite;
import org.envmon.model.RawPacket;
import org.envmon.model.Site;
import org.envmon.model.SiteStore;
import org.envmon.model.Statistic;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The water evaluation API (GB 3838 section classes, basin and province groups, the CWQI ranking) on the platform
 * {@link EvaluationApiContract} started, over the sections {@link #writeWater} stores.
 */
abstract class WaterEvaluationApi {
    /** Five river sections of 测试河 in 测试省 (two cities), January 2019, 4-hourly values. */
    static void writeWater(RunningPlatform platform) {
        List<Site> sections = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            sections.add(new Site("W00" + i, "测试断面" + i, Medium.SURFACE_WATER, "WMN00" + i, null, "测试省",
                    i <= 3 ? "甲市" : "乙市", null, "测试河", 30.0, 114.0, false));
        }
        platform.bean(SiteStore.class).upsert(sections);
        // NH3-N by section: II, III, III, IV, 劣V; DO 7.6 (I), CODMn 3.0 (II), TP 0.08 (II)
        double[] nh3n = {0.4, 0.9, 0.95, 1.3, 2.5};
        List<PacketWrite> batch = new ArrayList<>();
        Instant t0 = LocalDate.of(2019, 1, 1).atStartOfDay().toInstant(BJ);
        for (int k = 0; k < 31 * 6; k++) {
            Instant t = t0.plusSeconds(4L * 3600 * k);
            List<ObservationRow> rows = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                String s = sections.get(i).code();
                rows.add(new ObservationRow(s, "w21003", Interval.HOUR, Statistic.VALUE, t, nh3n[i], "N"));
                rows.add(new ObservationRow(s, "w01009", Interval.HOUR, Statistic.VALUE, t, 7.6, "N"));
                rows.add(new ObservationRow(s, "w01019", Interval.HOUR, Statistic.VALUE, t, 3.0, "N"));
                rows.add(new ObservationRow(s, "w21011", Interval.HOUR, Statistic.VALUE, t, 0.08, "N"));
                rows.add(new ObservationRow(s, "w01001", Interval.HOUR, Statistic.VALUE, t, 7.5, "N"));
            }
            byte[] raw = ("water test " + k).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            batch.add(new PacketWrite(new RawPacket(raw, "test", Instant.now(), "test", "WMN", "2061", "w" + k,
                    "water-test-" + k, true), rows));
        }
        platform.bean(ObservationStore.class).write(batch);
        // a section of its own (no city: not ranked) with real values just past a limit, which the national
        // publication classes one class better: TP 0.2004 reported 0.200 (III), DO 4.97 reported 5.0 (III)
        Site edge = new Site("W009", "边界断面", Medium.SURFACE_WATER, "WMN009", null, "边界省", null, null, "边界河",
                30.0, 114.0, false);
        platform.bean(SiteStore.class).upsert(List.of(edge));
        Instant t = t0.plusSeconds(3600);
        byte[] raw = "water test edge".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        platform.bean(ObservationStore.class).write(List.of(new PacketWrite(new RawPacket(raw, "test", Instant.now(),
                "test", "WMN009", "2061", "w-edge", "water-test-edge", true), List.of(
                        new ObservationRow("W009", "w21011", Interval.HOUR, Statistic.VALUE, t, 0.2004, "N"),
                        new ObservationRow("W009", "w01009", Interval.HOUR, Statistic.VALUE, t, 4.97, "N"),
                        new ObservationRow("W009", "w01001", Interval.HOUR, Statistic.VALUE, t, 7.46, "N")))));
    }

    @Test
    void waterSectionClassGroupAndCwqiRanking() throws Exception {
        JsonNode s = ok("/api/v1/water/sections/W005/class?month=2019-01");
        assertThat(s.get("waterClass").asText()).isEqualTo("劣V");
        assertThat(s.get("mainPollutants").get(0).get("parameter").asText()).isEqualTo(
                org.envmon.standards.water.WaterParameter.NH3N.column());
        assertThat(s.get("means").get("nh3n").decimalValue()).isEqualByComparingTo("2.5");
        assertThat(s.get("counts").get("nh3n").asInt()).isEqualTo(186);
        assertThat(ok("/api/v1/water/sections/W001/class?month=2019-01").get("waterClass").asText()).isEqualTo("II");
        assertThat(ok("/api/v1/water/sections/W001/class?month=2019-02").get("waterClass").isNull()).isTrue();

        JsonNode g = ok("/api/v1/water/evaluation?basin=" + EvaluationPlatform.enc("测试河") + "&month=2019-01");
        assertThat(g.get("method").asText()).isEqualTo("SHARES");
        assertThat(g.get("classified").asInt()).isEqualTo(5);
        assertThat(g.get("shareAtLeastIII").decimalValue()).isEqualByComparingTo("60.0");
        assertThat(g.get("shareWorseThanV").decimalValue()).isEqualByComparingTo("20.0");
        assertThat(g.get("classCounts").get("III").asInt()).isEqualTo(2);
        assertThat(g.get("mainPollutants").get(0).asText()).isEqualTo("nh3n");
        assertThat(ok("/api/v1/water/evaluation?province=" + EvaluationPlatform.enc("测试省") + "&month=2019-01")
                .get("classified").asInt()).isEqualTo(5);

        // classed as the national publication reports the values (envmon.water.rounding=reported, the default)
        JsonNode edge = ok("/api/v1/water/sections/W009/class?month=2019-01");
        assertThat(edge.get("waterClass").asText()).isEqualTo("III");
        assertThat(edge.get("means").get("tp").decimalValue()).isEqualByComparingTo("0.2004");
        assertThat(edge.get("reported").get("tp").decimalValue()).isEqualByComparingTo("0.200");
        assertThat(edge.get("reported").get("do").decimalValue()).isEqualByComparingTo("5.0");
        assertThat(edge.get("reported").get("ph").decimalValue()).isEqualByComparingTo("7");
        assertThat(edge.get("rounding").asText()).startsWith("reported {ph=0, do=1, codmn=1, nh3n=2, tp=3");
        assertThat(ok("/api/v1/water/evaluation?basin=" + EvaluationPlatform.enc("边界河") + "&month=2019-01")
                .get("status").asText()).isEqualTo("良好");

        JsonNode w = ok("/api/v1/rankings/water?month=2019-01");
        assertThat(w.get("ranking")).hasSize(2);
        assertThat(w.get("ranking").get(0).get("city").asText()).isEqualTo("甲市");
        assertThat(w.get("ranking").get(0).get("rank").asInt()).isEqualTo(1);
    }
}
