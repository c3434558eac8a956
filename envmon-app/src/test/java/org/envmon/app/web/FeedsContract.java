package org.envmon.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.envmon.app.RunningPlatform;
import org.envmon.model.BeijingTime;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The public map's feeds over HTTP: content, ETag/Last-Modified and 304, gzip, published only. Runs on DuckDB
 * ({@link FeedsOnDuckDbTest}) and PostgreSQL ({@link FeedsOnPostgresTest}).
 */
abstract class FeedsContract {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String STATIONS = "/api/v1/feeds/stations/latest";
    static RunningPlatform platform;

    /** The set-up of the platform the subclass starts: the portal's stations and hours. */
    static void load(RunningPlatform started) {
        platform = started;
        PortalFixture.load(started);
    }

    static JsonNode ok(String path) throws Exception {
        return platform.okJson(path);
    }

    static Map<String, JsonNode> byKey(JsonNode feed, String key) {
        Map<String, JsonNode> m = new HashMap<>();
        feed.get("items").forEach(n -> m.put(n.get(key).asText(), n));
        return m;
    }

    @Test
    void everyAirStationIsListedWithTheAqiTheHourlyApiComputes() throws Exception {
        JsonNode feed = ok(STATIONS);
        Map<String, JsonNode> s = byKey(feed, "code");
        assertThat(s).containsKeys("P001", "P002", "P003", "P004", "P005", "P006", "P007").doesNotContainKeys("W101");
        assertThat(feed.get("withData").asInt()).isBetween(5, 6); // 6 once P006 reported (another test)
        String hour = PortalFixture.latestHour().atOffset(BeijingTime.OFFSET).toString();
        for (String code : new String[] {"P001", "P003", "P005"}) {
            String from = URLEncoder.encode(hour, StandardCharsets.UTF_8);
            JsonNode h = ok("/api/v1/aqi/hourly?site=" + code + "&from=" + from + "&to="
                    + URLEncoder.encode(PortalFixture.latestHour().plusSeconds(3600).atOffset(BeijingTime.OFFSET)
                    .toString(), StandardCharsets.UTF_8)).get("values").get(0);
            JsonNode f = s.get(code);
            assertThat(f.get("aqi").asInt()).as(code).isEqualTo(h.get("aqi").asInt());
            assertThat(f.get("level").asInt()).isEqualTo(h.get("level").asInt());
            assertThat(f.get("colour").asText()).isEqualTo(h.get("colour").asText());
            assertThat(f.get("edition").asText()).isEqualTo(h.get("edition").asText());
            assertThat(f.get("concentrations").get("pm25").decimalValue())
                    .isEqualByComparingTo(h.get("concentrations").get("pm25").decimalValue());
            assertThat(Instant.parse(f.get("time").asText().replace("+08:00", "Z")).plusSeconds(-8 * 3600))
                    .isEqualTo(PortalFixture.latestHour());
            assertThat(f.get("qc").asText()).isEqualTo("valid");
            assertThat(f.get("lat").asDouble()).isPositive();
        }
        // the levels differ station to station, worst last
        assertThat(s.get("P005").get("level").asInt()).isGreaterThan(s.get("P001").get("level").asInt());
        // PM10 failed QC: flagged, left out of the concentrations (and the AQI)
        assertThat(s.get("P004").get("qc").asText()).isEqualTo("flagged");
        assertThat(s.get("P004").get("invalid").get(0).asText()).isEqualTo("pm10");
        assertThat(s.get("P004").get("concentrations").has("pm10")).isFalse();
        // no data: nulls, not zeros
        assertThat(s.get("P007").get("aqi").isNull()).isTrue();
        assertThat(s.get("P007").get("qc").isNull()).isTrue();
        assertThat(s.get("P007").get("name").asText()).isEqualTo("测试城关");
    }

    /** The default publication delay is none: the public gets the last hour as accounts do. */
    @Test
    void withoutAPublicationDelayThePublicSeesTheLastHour() throws Exception {
        Instant last = PortalFixture.latestHour();
        NewestHourProbe.assertAll(NewestHourProbe.newestHours(platform, null), last, "the public");
        NewestHourProbe.assertAll(NewestHourProbe.newestHours(platform, platform.adminToken()), last, "an admin");
    }

    @Test
    void citiesAndWaterSections() throws Exception {
        Map<String, JsonNode> c = byKey(ok("/api/v1/feeds/cities/latest"), "city");
        assertThat(c).containsKeys("北京", "上海", "广州", "武汉", "拉萨");
        assertThat(c.get("北京").get("stations").asInt()).isEqualTo(2);
        assertThat(c.get("北京").get("lat").asDouble()).isBetween(39.88, 39.93);
        assertThat(c.get("拉萨").get("aqi").isNull()).isTrue();
        Map<String, JsonNode> w = byKey(ok("/api/v1/feeds/water/latest"), "code");
        assertThat(w.get("W101").get("waterClass").asText()).isEqualTo("II");
        assertThat(w.get("W101").get("classNumber").asInt()).isEqualTo(2);
        assertThat(w.get("W101").get("meetsTarget").asBoolean()).isTrue();
        assertThat(w.get("W102").get("waterClass").asText()).isEqualTo("劣V");
        assertThat(w.get("W102").get("classNumber").asInt()).isEqualTo(6);
        assertThat(w.get("W102").get("meetsTarget").asBoolean()).isFalse();
    }

    @Test
    void anUnchangedFeedCostsA304ByTagOrByDate() throws Exception {
        for (String path : new String[] {STATIONS, "/api/v1/feeds/cities/latest", "/api/v1/feeds/water/latest"}) {
            HttpResponse<String> first = platform.get(path);
            String etag = first.headers().firstValue("ETag").orElseThrow();
            String modified = first.headers().firstValue("Last-Modified").orElseThrow();
            assertThat(first.headers().firstValue("Cache-Control").orElseThrow()).contains("no-cache");
            HttpResponse<String> byTag = send(HttpRequest.newBuilder(platform.uri(path))
                    .header("If-None-Match", etag));
            assertThat(byTag.statusCode()).as(path).isEqualTo(304);
            assertThat(byTag.body()).isEmpty();
            HttpResponse<String> byDate = send(HttpRequest.newBuilder(platform.uri(path))
                    .header("If-Modified-Since", modified));
            assertThat(byDate.statusCode()).isEqualTo(304);
            HttpResponse<String> other = send(HttpRequest.newBuilder(platform.uri(path))
                    .header("If-None-Match", "W/\"something-else\""));
            assertThat(other.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void newDataChangesTheTagAfterTheLiveRecompute() throws Exception {
        String before = platform.get(STATIONS).headers().firstValue("ETag").orElseThrow();
        // P006 reports: the live recompute stores its hour and drops the cached feed
        PortalFixture.submitLive(platform, PortalFixture.air("P006", PortalFixture.latestHour(), 45, false));
        long deadline = System.currentTimeMillis() + 30_000;
        JsonNode p006 = null;
        while (System.currentTimeMillis() < deadline) {
            p006 = byKey(ok(STATIONS), "code").get("P006");
            if (!p006.get("aqi").isNull()) {
                break;
            }
            Thread.sleep(200);
        }
        assertThat(p006.get("aqi").isNull()).as("P006 after its packet").isFalse();
        assertThat(platform.get(STATIONS).headers().firstValue("ETag").orElseThrow()).isNotEqualTo(before);
    }

    @Test
    void gzipWhenAskedAndTheSameJsonOtherwise() throws Exception {
        HttpResponse<byte[]> z = platform.http.send(HttpRequest.newBuilder(platform.uri(STATIONS))
                .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(z.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(z.headers().firstValue("Vary").orElseThrow()).containsIgnoringCase("Accept-Encoding");
        String unzipped = new String(new GZIPInputStream(new ByteArrayInputStream(z.body())).readAllBytes(),
                StandardCharsets.UTF_8);
        HttpResponse<String> plain = platform.get(STATIONS);
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(JSON.readTree(unzipped)).isEqualTo(JSON.readTree(plain.body()));
    }

    @Test
    void thePublicSeesNoStationIdentityOrRawPackets() throws Exception {
        for (String path : new String[] {STATIONS, "/api/v1/feeds/cities/latest", "/api/v1/feeds/water/latest"}) {
            String body = platform.get(path).body();
            assertThat(body).doesNotContain(PortalFixture.SECRET_MN).doesNotContain("\"mn\"")
                    .doesNotContain("portal test").doesNotContain("passwordHash");
        }
        // what the feeds are for: no login needed, and no write through them
        assertThat(platform.get(STATIONS).statusCode()).isEqualTo(200);
        assertThat(platform.postAs(null, STATIONS, "{}").statusCode()).isIn(401, 403, 405);
    }

    private static HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return platform.http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
