package org.envmon.app.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.envmon.alerts.engine.CityAqiFeed;
import org.envmon.app.cli.DemoCommandAccess;
import org.envmon.ingest.IngestSink;
import org.envmon.model.Interval;
import org.envmon.model.Medium;
import org.envmon.model.Observation;
import org.envmon.model.ObservationQuery;
import org.envmon.model.ObservationStore;
import org.envmon.model.ReviewDecision;
import org.envmon.model.Site;
import org.envmon.model.SiteStore;
import org.envmon.model.Statistic;
import org.envmon.standards.air.AirEdition;
import org.envmon.standards.air.AirQualityIndex;
import org.envmon.standards.air.AqiResult;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The evaluation API over HTTP on the demo data (2,026 national air stations, Beijing January 2019) plus water
 * sections written here. Runs on DuckDB ({@link EvaluationApiOnDuckDbTest}) and PostgreSQL
 * ({@link EvaluationApiOnPostgresTest}).
 */
abstract class EvaluationApiContract {
    static final ZoneOffset BJ = ZoneOffset.ofHours(8);
    static final ObjectMapper JSON = new ObjectMapper();
    static final String BEIJING = EvaluationPlatform.enc("北京");
    static EvaluationPlatform platform;

    /** The set-up of the platform the subclass starts: the demo data, water sections, Lhasa where shared. */
    static void load(EvaluationPlatform started) throws Exception {
        platform = started;
        DemoCommandAccess.load(platform.bean(SiteStore.class), platform.bean(IngestSink.class));
        WaterEvaluationApi.writeWater(platform);
        java.nio.file.Path lhasa = EvaluationPlatform.cnemcFile("cnemc_2019_lhasa.csv.gz");
        if (lhasa != null) { // a second city for the ranking: Lhasa, January 2019
            platform.importCnemc(lhasa, d -> d.startsWith("201901") || d.equals("20190201"));
        }
        // Imports recompute their range by command; here, as the demo does, once everything is in.
        platform.bean(org.envmon.evaluation.derived.LiveRecompute.class).recomputeAll(LocalDate.of(2018, 12, 31),
                LocalDate.of(2019, 2, 1));
    }

    static JsonNode ok(String path) throws Exception {
        return platform.okJson(path);
    }


    static BigDecimal stored(String site, String parameter, Instant start) {
        List<Observation> o = platform.bean(ObservationStore.class).query(new ObservationQuery(site, parameter,
                Interval.HOUR, Statistic.VALUE, start, start.plusSeconds(3600), 1));
        return o.isEmpty() || !o.get(0).effectiveValid() ? null : BigDecimal.valueOf(o.get(0).value());
    }

    @Test
    void stationHourlyAqiEqualsTheStandardsLibraryOnTheStoredInputs() throws Exception {
        JsonNode r = ok("/api/v1/aqi/hourly?site=1001A&from=2019-01-01T00:00%2B08:00&to=2019-01-02T00:00%2B08:00");
        assertThat(r.get("target").get("type").asText()).isEqualTo("site");
        assertThat(r.get("editions").get(0).get("code").asText()).isEqualTo("2012");
        JsonNode values = r.get("values");
        assertThat(values).hasSize(24);
        assertThat(values.get(0).get("time").asText()).isEqualTo("2019-01-01T00:00:00+08:00");
        int withAqi = 0;
        for (int h = 0; h < 24; h++) {
            Instant start = LocalDate.of(2019, 1, 1).atStartOfDay().plusHours(h).toInstant(BJ);
            AqiResult expected = AirQualityIndex.hourly(AirEdition.E2012, new AirQualityIndex.HourlyInput(
                    stored("1001A", "a21026", start), stored("1001A", "a21004", start), stored("1001A", "a34002", start),
                    stored("1001A", "a34004", start), stored("1001A", "a21005", start),
                    stored("1001A", "a05024", start), null, null));
            JsonNode v = values.get(h);
            if (expected.aqi().isEmpty()) {
                assertThat(v.get("aqi").isNull()).isTrue();
                continue;
            }
            withAqi++;
            assertThat(v.get("aqi").asInt()).as("hour " + h).isEqualTo(expected.aqi().getAsInt());
            assertThat(v.get("level").asInt()).isEqualTo(expected.level().orElseThrow().number());
            List<String> primary = new ArrayList<>();
            v.get("primaryPollutants").forEach(p -> primary.add(p.asText()));
            assertThat(primary).isEqualTo(expected.primaryKeys());
            assertThat(v.get("iaqi").get("pm25").asInt()).isEqualTo(expected.iaqi("pm25").getAsInt());
            assertThat(v.get("edition").asText()).isEqualTo("2012");
        }
        assertThat(withAqi).isGreaterThanOrEqualTo(20);
        // the hour of the CNEMC row "20190101 hour 1": official AQI 73 for 1001A
        assertThat(values.get(0).get("aqi").asInt()).isEqualTo(73);
        assertThat(values.get(0).get("concentrations").get("pm25").decimalValue()).isEqualByComparingTo("53");
    }

    @Test
    void cityDailyAqiComesFromTheMeanConcentrationsOfTheNonControlStations() throws Exception {
        JsonNode r = ok("/api/v1/aqi/daily?city=" + BEIJING + "&from=2019-01-05&to=2019-01-05");
        JsonNode d = r.get("values").get(0);
        assertThat(d.get("date").asText()).isEqualTo("2019-01-05");
        // independent: hour means of the valid values of the 11 non-control stations, then the day's mean
        List<String> stations = platform.bean(SiteStore.class).list(new org.envmon.model.SiteQuery(Medium.AIR, null,
                "北京")).stream().filter(s -> !s.control()).map(Site::code).toList();
        assertThat(stations).contains("1001A").doesNotContain("1002A");
        for (String[] p : new String[][] {{"a34004", "pm25"}, {"a21004", "no2"}, {"a34002", "pm10"}}) {
            BigDecimal sum = BigDecimal.ZERO;
            int hours = 0;
            for (int h = 0; h < 24; h++) {
                Instant start = LocalDate.of(2019, 1, 5).atStartOfDay().plusHours(h).toInstant(BJ);
                BigDecimal hs = BigDecimal.ZERO;
                int n = 0;
                for (String s : stations) {
                    BigDecimal v = stored(s, p[0], start);
                    if (v != null) {
                        hs = hs.add(v);
                        n++;
                    }
                }
                if (n > 0) {
                    sum = sum.add(hs.divide(BigDecimal.valueOf(n), 3, RoundingMode.HALF_EVEN));
                    hours++;
                }
            }
            BigDecimal expected = sum.divide(BigDecimal.valueOf(hours), 0, RoundingMode.HALF_EVEN);
            assertThat(d.get("concentrations").get(p[1]).decimalValue()).as(p[1]).isEqualByComparingTo(expected);
        }
        // the daily AQI is the standards library's on those concentrations
        JsonNode c = d.get("concentrations");
        AqiResult ref = AirQualityIndex.daily(AirEdition.E2012, new AirQualityIndex.DailyInput(dec(c, "so2"),
                dec(c, "no2"), dec(c, "pm10"), dec(c, "pm25"), dec(c, "co"), dec(c, "o3_1h"), dec(c, "o3_8h")));
        assertThat(d.get("aqi").asInt()).isEqualTo(ref.aqi().getAsInt());
        assertThat(d.get("stations").asInt()).isEqualTo(11);
        assertThat(d.get("category").asText()).isNotBlank();
    }

    private static BigDecimal dec(JsonNode c, String k) {
        return c.has(k) ? c.get(k).decimalValue() : null;
    }

    @Test
    void aReviewChangesExactlyTheHoursAndTheDayItCovers() throws Exception {
        String hourly = "/api/v1/aqi/hourly?site=1005A&from=2019-01-20T00:00%2B08:00&to=2019-01-21T00:00%2B08:00";
        String daily = "/api/v1/aqi/daily?site=1005A&from=2019-01-19&to=2019-01-21";
        JsonNode h0 = ok(hourly).get("values");
        JsonNode d0 = ok(daily).get("values");
        Instant from = LocalDate.of(2019, 1, 20).atTime(8, 0).toInstant(BJ);
        platform.bean(org.envmon.app.review.ReviewService.class).review(org.envmon.app.Actor.named("测试员"), "1005A",
                "a34004", Interval.HOUR, from, from.plusSeconds(5 * 3600), ReviewDecision.INVALID, "analyser drift");
        JsonNode h1 = ok(hourly).get("values");
        JsonNode d1 = ok(daily).get("values");
        for (int h = 0; h < 24; h++) {
            if (h >= 8 && h < 13) {
                assertThat(h1.get(h).get("concentrations").has("pm25")).as("hour " + h).isFalse();
                assertThat(h0.get(h).get("concentrations").has("pm25")).isTrue();
            } else {
                assertThat(h1.get(h)).as("hour " + h).isEqualTo(h0.get(h));
            }
        }
        assertThat(d1.get(0)).isEqualTo(d0.get(0));
        assertThat(d1.get(2)).isEqualTo(d0.get(2));
        assertThat(d1.get(1)).isNotEqualTo(d0.get(1)); // 19 valid PM2.5 hours left: no PM2.5 daily mean
        assertThat(d1.get(1).get("concentrations").has("pm25")).isFalse();
    }

    @Test
    void cityEvaluationAndRanking() throws Exception {
        JsonNode e = ok("/api/v1/cities/" + BEIJING + "/evaluation?from=2019-01-01&to=2019-01-31");
        assertThat(e.get("edition").get("code").asText()).isEqualTo("2012");
        assertThat(e.get("days").asInt()).isEqualTo(31);
        assertThat(e.get("stations").asInt()).isGreaterThanOrEqualTo(11);
        assertThat(e.get("statistics").size()).isGreaterThanOrEqualTo(6);
        JsonNode days = ok("/api/v1/aqi/daily?city=" + BEIJING + "&from=2019-01-01&to=2019-01-31").get("values");
        int good = 0;
        for (JsonNode d : days) {
            good += !d.get("aqi").isNull() && d.get("aqi").asInt() <= 100 ? 1 : 0;
        }
        assertThat(e.get("goodDays").asInt()).isEqualTo(good);
        assertThat(e.get("composite").get("total").decimalValue()).isPositive();

        JsonNode r = ok("/api/v1/rankings/cities?from=2019-01-01&to=2019-01-31&by=composite");
        assertThat(r.get("by").asText()).isEqualTo("composite");
        JsonNode last = r.get("ranking").get(r.get("ranking").size() - 1);
        assertThat(last.get("city").asText()).isEqualTo("北京");
        assertThat(last.get("value").decimalValue()).isEqualByComparingTo(e.get("composite").get("total").decimalValue());
        assertThat(last.get("change").isNull()).isTrue(); // no January 2018 data
        if (EvaluationPlatform.cnemcFile("cnemc_2019_lhasa.csv.gz") != null) {
            assertThat(r.get("ranking")).hasSize(2);
            assertThat(r.get("ranking").get(0).get("city").asText()).isEqualTo("拉萨");
            assertThat(r.get("ranking").get(0).get("rank").asInt()).isEqualTo(1);
            assertThat(last.get("rank").asInt()).isEqualTo(2);
        } else {
            assertThat(last.get("rank").asInt()).isEqualTo(1);
        }
        assertThat(r.get("cities").asInt()).isGreaterThan(300);
        assertThat(r.get("unranked").size()).isEqualTo(r.get("cities").asInt() - r.get("ranking").size());
        JsonNode g = ok("/api/v1/rankings/cities?from=2019-01-01&to=2019-01-31&by=good_days");
        assertThat(g.get("order").asText()).isEqualTo("descending");
    }

    @Test
    void errorsAreProblemJson() throws Exception {
        platform.problem("/api/v1/aqi/hourly?site=NOPE&from=2019-01-01&to=2019-01-02", 404, "no site with code NOPE");
        platform.problem("/api/v1/aqi/hourly?city=" + EvaluationPlatform.enc("亚特兰蒂斯")
                + "&from=2019-01-01&to=2019-01-02", 404, "no air stations");
        platform.problem("/api/v1/aqi/hourly?site=1001A&city=" + BEIJING + "&from=2019-01-01&to=2019-01-02", 400,
                "exactly one");
        platform.problem("/api/v1/aqi/hourly?site=1001A&from=2019-01-02&to=2019-01-01", 400, "before");
        platform.problem("/api/v1/aqi/daily?site=1001A&from=2019-01-01&to=2020-06-01", 400, "maximum of 400 days");
        platform.problem("/api/v1/aqi/daily?site=1001A&from=2019-01-01&to=soon", 400, "not a date");
        platform.problem("/api/v1/aqi/daily?site=W001&from=2019-01-01&to=2019-01-02", 400, "not an air site");
        platform.problem("/api/v1/cities/" + BEIJING + "/evaluation?from=2019-02-01&to=2019-01-01", 400, "after");
        platform.problem("/api/v1/cities/" + EvaluationPlatform.enc("亚特兰蒂斯")
                + "/evaluation?from=2019-01-01&to=2019-01-31", 404, "no air stations");
        platform.problem("/api/v1/rankings/cities?from=2019-01-01&to=2019-01-31&by=beauty", 400,
                "composite, pm25 or good_days");
        platform.problem("/api/v1/water/sections/NOPE/class?month=2019-01", 404, "no site");
        platform.problem("/api/v1/water/sections/1001A/class?month=2019-01", 400, "not a surface-water section");
        platform.problem("/api/v1/water/sections/W001/class?month=2019-13", 400, "not a month");
        platform.problem("/api/v1/water/evaluation?month=2019-01", 400, "exactly one");
        platform.problem("/api/v1/water/evaluation?basin=" + EvaluationPlatform.enc("无名河") + "&month=2019-01", 404,
                "no surface-water sections");
        platform.problem("/api/v1/rankings/water", 400, "month");
    }

    @Test
    void theEndpointsAreDocumentedInOpenApi() throws Exception {
        String doc = platform.get("/v3/api-docs").body();
        for (String path : List.of("/api/v1/aqi/hourly", "/api/v1/aqi/daily", "/api/v1/cities/{city}/evaluation",
                "/api/v1/rankings/cities", "/api/v1/rankings/water", "/api/v1/water/sections/{code}/class",
                "/api/v1/water/evaluation")) {
            assertThat(doc).contains("\"" + path + "\"");
        }
    }

    @Test
    void theCityAqiFeedHandsChangedCityHoursToTheAlertEngine() {
        CityAqiFeed feed = platform.bean(CityAqiFeed.class);
        Instant now = LocalDate.of(2019, 1, 12).atTime(12, 30).toInstant(BJ);
        int cities = EvaluationPlatform.cnemcFile("cnemc_2019_lhasa.csv.gz") != null ? 2 : 1;
        assertThat(feed.feed(now)).isEqualTo(4 * cities); // Beijing (and Lhasa), hours 09:00 … 12:00
        assertThat(feed.feed(now)).isZero(); // nothing changed
    }

    /** Section classes, group evaluation and the CWQI ranking, on this platform. */
    @Nested
    class Water extends WaterEvaluationApi {
    }
}
