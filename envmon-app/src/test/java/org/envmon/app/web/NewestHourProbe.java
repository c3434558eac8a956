package org.envmon.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.envmon.app.RunningPlatform;
import org.envmon.model.BeijingTime;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The newest hour of {@link PortalFixture}'s station P001 (Beijing) that a caller gets from every endpoint serving
 * station hourly values or hourly AQI: what the publication delay holds back from the public.
 */
final class NewestHourProbe {
    private static final ObjectMapper JSON = new ObjectMapper();

    private NewestHourProbe() {
    }

    /** Endpoint → the newest hour (interval start) it returned for P001 or Beijing; null when none. */
    static Map<String, Instant> newestHours(RunningPlatform p, String token) throws Exception {
        Instant latest = PortalFixture.latestHour();
        String from = q(latest.minusSeconds(3 * 3600));
        String to = q(latest.plusSeconds(3600));
        Map<String, Instant> out = new LinkedHashMap<>();
        JsonNode latestValues = get(p, token, "/api/v1/sites/P001/latest");
        Instant newest = null;
        for (JsonNode v : latestValues) {
            if (v.get("parameter").asText().equals("a34004") && v.get("interval").asText().equals("hour")) {
                newest = time(v.get("time"));
            }
        }
        out.put("site latest", newest);
        out.put("observations", newest(get(p, token, "/api/v1/sites/P001/observations?parameter=a34004&from=" + from
                + "&to=" + to), "time"));
        out.put("aqi hourly", newest(get(p, token, "/api/v1/aqi/hourly?site=P001&from=" + from + "&to=" + to)
                .get("values"), "time"));
        out.put("aqi cities latest", city(get(p, token, "/api/v1/aqi/cities/latest")));
        out.put("feed stations", item(get(p, token, "/api/v1/feeds/stations/latest"), "code", "P001"));
        out.put("feed cities", item(get(p, token, "/api/v1/feeds/cities/latest"), "city", "北京"));
        return out;
    }

    /** Asserts every endpoint gave this hour. */
    static void assertAll(Map<String, Instant> hours, Instant expected, String who) {
        Map<String, Instant> want = new LinkedHashMap<>();
        hours.keySet().forEach(k -> want.put(k, expected));
        assertThat(hours).as("newest hour per endpoint for " + who).isEqualTo(want);
    }

    private static JsonNode get(RunningPlatform p, String token, String path) throws Exception {
        HttpResponse<String> r = p.getAs(token, path);
        assertThat(r.statusCode()).as(path + " → " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static Instant newest(JsonNode list, String field) {
        Instant newest = null;
        for (JsonNode n : list) {
            Instant t = time(n.get(field));
            if (t != null && (newest == null || t.isAfter(newest))) {
                newest = t;
            }
        }
        return newest;
    }

    private static Instant city(JsonNode list) {
        for (JsonNode n : list) {
            if (n.get("city").asText().equals("北京")) {
                return time(n.get("time"));
            }
        }
        return null;
    }

    private static Instant item(JsonNode feed, String key, String value) {
        for (JsonNode n : feed.get("items")) {
            if (n.get(key).asText().equals(value)) {
                return time(n.get("time"));
            }
        }
        return null;
    }

    private static Instant time(JsonNode t) {
        return t == null || t.isNull() ? null : OffsetDateTime.parse(t.asText()).toInstant();
    }

    private static String q(Instant t) {
        return URLEncoder.encode(t.atOffset(BeijingTime.OFFSET).toString(), StandardCharsets.UTF_8);
    }
}
