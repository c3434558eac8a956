package org.envmon.app.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.envmon.app.PlatformPerClass;
import org.envmon.app.RunningPlatform;
import org.envmon.hj212.Hj212Encoder;
import org.envmon.model.DerivedStore;
import org.envmon.model.Medium;
import org.envmon.model.PasswordHash;
import org.envmon.model.Site;
import org.envmon.model.SiteStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Live, end to end on the running platform: two stations send hourly HJ 212 packets over TCP; within seconds the
 * live recompute has the city's hourly and daily AQI in the derived tables, the city AQI rule opens an alert
 * (level 4 or worse), the city ranking lists the city, and the city's hourly AQI from the API agrees with the derived
 * rows.
 */
class LiveEvaluationEndToEndTest {
    private static final String CITY = "演示市";
    private static final ObjectMapper JSON = new ObjectMapper();

    static RunningPlatform platform;
    @RegisterExtension
    static final PlatformPerClass<RunningPlatform> started = PlatformPerClass
            .duckdb("envmon.evaluation.recompute-interval=200ms").with(dir -> RunningPlatform.rulesFile(dir, """
                    defaults=false
                    rule.city-aqi-4.type=city-aqi
                    rule.city-aqi-4.min-level=4
                    rule.city-aqi-4.min-hours=1
                    rule.city-aqi-4.severity=major
                    """)).then(p -> {
                platform = p;
                platform.bean(SiteStore.class).upsert(List.of(site("LIV01", 1), site("LIV02", 2)));
            });

    private static Site site(String code, int n) {
        return new Site(code, "直播站" + n, Medium.AIR, mn(n), PasswordHash.hash("123456"), "演示省", CITY, null, null,
                30.0, 114.0, false);
    }

    private static String mn(int n) {
        return String.format("LIVE%020d", n);
    }


    /**
     * One hourly packet (CN 2061) with the six pollutants; PM2.5 as given. The others vary by hour (QC flags a
     * constant series) and PM10 stays above PM2.5 (QC flags PM2.5 &gt; PM10).
     */
    private static void send(int station, LocalDateTime beijingHour, double pm25) throws Exception {
        int h = beijingHour.getHour() + station;
        String qn = beijingHour.format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmmss")) + "00"
                + station;
        String segment = "QN=" + qn + ";ST=22;CN=2061;PW=123456;MN=" + mn(station) + ";Flag=5;CP=&&DataTime="
                + Hj212Encoder.formatTime(beijingHour) + ";a34004-Avg=" + pm25 + ",a34004-Flag=N;a34002-Avg="
                + (pm25 + 60 + h) + ",a34002-Flag=N;a21026-Avg=" + (6 + h % 5) + ",a21026-Flag=N;a21004-Avg="
                + (25 + h % 7) + ",a21004-Flag=N;a21005-Avg=" + (0.6 + (h % 4) / 10.0) + ",a21005-Flag=N;a05024-Avg="
                + (30 + 2 * h) + ",a05024-Flag=N&&";
        assertThat(platform.sendHj212(segment)).contains("CN=9014");
    }

    private static JsonNode get(String path) throws Exception {
        var r = platform.get(path);
        assertThat(r.statusCode()).as(path + " → " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static JsonNode latestOf(JsonNode map) {
        JsonNode ours = null;
        for (JsonNode c : map) {
            ours = c.get("city").asText().equals(CITY) ? c : ours;
        }
        return ours;
    }

    @Test
    void theCityAqiAlertsAndRankingFollowTheStationsLive() throws Exception {
        ZoneOffset bj = ZoneOffset.ofHours(8);
        // The fresh hour below is the last complete one; the filled day is the day before it, so the two never share
        // an hour (between 00:00 and 01:00 Beijing time "yesterday" would hold it).
        LocalDateTime now = LocalDateTime.now(bj).truncatedTo(ChronoUnit.HOURS).minusHours(1);
        LocalDate yesterday = now.toLocalDate().minusDays(1);
        // Yesterday, all 24 hours (DataTime = interval start): PM2.5 160 and 200 → city mean 180, AQI level 5.
        for (int h = 0; h < 24; h++) {
            send(1, yesterday.atTime(h, 0), 160 + h % 3);
            send(2, yesterday.atTime(h, 0), 200 - h % 3);
        }
        DerivedStore derived = platform.bean(DerivedStore.class);
        List<DerivedStore.Day> days = new java.util.ArrayList<>();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (days.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(200);
            days.clear();
            // Station and city rows are written in one transaction from one read: once both stations' days hold
            // 24 PM2.5 hours, the city day written with them holds every station-hour (a city hour is valid as soon
            // as one station has it, so the city's own count cannot tell).
            List<DerivedStore.Day> stations = new java.util.ArrayList<>();
            derived.days(DerivedStore.Scope.STATION, List.of("LIV01", "LIV02"), yesterday, yesterday, stations::add);
            derived.days(DerivedStore.Scope.CITY, List.of(CITY), yesterday, yesterday, days::add);
            if (stations.size() < 2 || stations.stream().anyMatch(d -> d.validHours()[3] < 24)) {
                days.clear(); // not all hours recomputed yet
            }
        }
        assertThat(days).as("city day derived live").hasSize(1);
        assertThat(days.get(0).values()[3]).isEqualTo(180_000); // PM2.5 24-h mean of the city: (161 + 199) / 2
        assertThat(days.get(0).aqi()).isGreaterThan(200);

        // The city's hourly AQI from the API equals the derived rows.
        String city = URLEncoder.encode(CITY, StandardCharsets.UTF_8);
        JsonNode hours = get("/api/v1/aqi/hourly?city=" + city + "&from=" + yesterday + "T00:00%2B08:00&to="
                + yesterday.plusDays(1) + "T00:00%2B08:00").get("values");
        List<DerivedStore.Hour> rows = new java.util.ArrayList<>();
        derived.hours(DerivedStore.Scope.CITY, List.of(CITY), yesterday.atStartOfDay().toInstant(bj),
                yesterday.plusDays(1).atStartOfDay().toInstant(bj), rows::add);
        assertThat(rows).hasSize(24);
        for (int h = 0; h < 24; h++) {
            assertThat(hours.get(h).get("aqi").asInt()).as("hour " + h).isEqualTo(rows.get(h).aqi());
        }

        // A fresh hour at level 5 within the alert look-back opens the city alert. Close to midnight yesterday's last
        // hours are within the look-back too and may open it first, so the wait is also for the live map to show the
        // fresh hour.
        send(1, now, 250);
        send(2, now, 250);
        String hour = now.toString().substring(0, 13);
        JsonNode open = null;
        JsonNode ours = null;
        deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            open = get("/api/v1/alerts?state=open");
            ours = latestOf(get("/api/v1/aqi/cities/latest"));
            if (open.toString().contains(CITY) && ours != null && ours.get("time").asText().startsWith(hour)) {
                break;
            }
            Thread.sleep(200);
        }
        assertThat(open.toString()).contains("city-aqi-4").contains(CITY);

        // The live map: the city's latest hour from the derived table.
        assertThat(ours).as("the city on the live map").isNotNull();
        assertThat(ours.get("aqi").asInt()).isGreaterThan(200);
        assertThat(ours.get("time").asText()).startsWith(hour);
        assertThat(ours.get("primaryPollutants").toString()).contains("pm25");
        assertThat(ours.get("concentrations").get("pm25").asInt()).isEqualTo(250);
        assertThat(platform.get("/api/v1/aqi/cities/latest").body()).doesNotContain("E+"); // plain numbers
        var bad = platform.get("/api/v1/aqi/cities/latest?hours=0");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v)
                .startsWith("application/problem+json"));

        // The ranking of yesterday, from the derived city days, lists the city.
        JsonNode ranking = get("/api/v1/rankings/cities?from=" + yesterday + "&to=" + yesterday + "&by=pm25");
        assertThat(ranking.get("ranking").toString()).contains(CITY);
    }
}
