package org.envmon.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.envmon.app.review.ReviewController;
import org.envmon.hj212.Hj212Encoder;
import org.envmon.model.Store;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API's conventions over HTTP, on the platform {@link PlatformApiContract} started with the demo data: one range
 * rule said in every from/to description, Beijing time in every answer, 404 for unknown codes, size limits, the
 * review state of a value, no moving values after the last data, the online state in the site list.
 */
abstract class ApiConventions {
    static final JsonMapper JSON = JsonMapper.builder().build();
    /** An ISO-8601 time written in UTC ("...T12:00:00Z" or "...T12:00Z"). */
    static final Pattern UTC_TIME = Pattern.compile("T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?Z");

    static RunningPlatform platform() {
        return PlatformApiContract.platform;
    }

    static void assertProblem(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(r.body()).contains("\"status\":" + status);
    }

    @Test
    void everyFromAndToParameterSaysWhetherItIsInclusive() throws Exception {
        JsonNode docs = JSON.readTree(platform().get("/v3/api-docs").body());
        List<String> checked = new ArrayList<>();
        for (var path : docs.get("paths").properties()) {
            for (var op : path.getValue().properties()) {
                JsonNode params = op.getValue().get("parameters");
                if (params == null) {
                    continue;
                }
                for (JsonNode p : params) {
                    String name = p.get("name").asString();
                    if (!name.equals("from") && !name.equals("to")) {
                        continue;
                    }
                    String where = op.getKey() + " " + path.getKey() + " " + name;
                    assertThat(p.has("description")).as(where).isTrue();
                    String d = p.get("description").asString();
                    if (name.equals("from")) {
                        assertThat(d).as(where).contains("inclusive");
                    } else {
                        assertThat(d).as(where).containsAnyOf("last day, inclusive", "end, exclusive");
                    }
                    checked.add(where);
                }
            }
        }
        assertThat(checked).contains("get /api/v1/aqi/hourly to", "get /api/v1/aqi/daily to",
                "get /api/v1/sites/{code}/observations to", "get /api/v1/sites/{code}/quality to",
                "get /api/v1/reports/air to", "get /api/v1/rankings/cities to", "get /api/v1/cities/{city}/evaluation to",
                "get /api/v1/quality/suspicions to", "get /api/v1/chain/checkpoints to",
                "get /api/v1/sites/{code}/reviews to");
        assertThat(docs.at("/components/schemas/ReviewBody/properties/to/description").asString())
                .contains("end, exclusive");
    }

    @Test
    void dayRangesIncludeTheirLastDayInstantRangesExcludeTheirEnd() throws Exception {
        HttpResponse<String> oneDay = platform().get("/api/v1/sites/1001A/quality?from=2019-01-02&to=2019-01-02");
        assertThat(oneDay.statusCode()).as(oneDay.body()).isEqualTo(200);
        JsonNode q = JSON.readTree(oneDay.body());
        assertThat(q.at("/total/expected").asLong()).isEqualTo(24 * 6);
        assertThat(q.at("/total/to").asString()).isEqualTo("2019-01-02");
        assertThat(q.get("days")).hasSize(1);

        JsonNode daily = JSON.readTree(platform().get("/api/v1/aqi/daily?site=1001A&from=2019-01-02&to=2019-01-02")
                .body());
        assertThat(daily.get("values")).hasSize(1);
        // a date given for an instant is its 00:00: to=2019-01-03 ends with the last hour of 2019-01-02
        JsonNode hourly = JSON.readTree(platform().get("/api/v1/aqi/hourly?site=1001A&from=2019-01-02&to=2019-01-03")
                .body());
        assertThat(hourly.get("values")).hasSize(24);
        assertThat(hourly.at("/values/23/time").asString()).isEqualTo("2019-01-02T23:00:00+08:00");
        JsonNode series = JSON.readTree(platform().get("/api/v1/sites/1001A/observations?parameter=a34004"
                + "&from=2019-01-02&to=2019-01-03").body());
        assertThat(series).hasSize(24);
    }

    @Test
    void everyTimeInTheAnswersIsBeijingTime() throws Exception {
        // review errors name the times of the ranges they compare
        String range = "\"from\":\"2019-01-07T00:00+08:00\",\"to\":\"2019-01-07T03:00+08:00\"";
        String body = "{\"parameter\":\"a34004\"," + range + ",\"decision\":\"invalid\",\"reason\":\"zero drift\","
                + "\"operator\":\"Li Wei\"}";
        assertThat(platform().post("/api/v1/sites/1005A/reviews", body).statusCode()).isEqualTo(201);
        HttpResponse<String> conflict = platform().post("/api/v1/sites/1005A/reviews", body);
        assertProblem(conflict, 409);
        assertThat(conflict.body()).contains("2019-01-07T00:00+08:00").doesNotContainPattern(UTC_TIME);
        HttpResponse<String> nothing = platform().post("/api/v1/sites/1005A/reviews", "{\"from\":\"2031-01-01\","
                + "\"to\":\"2031-01-02\",\"decision\":\"invalid\",\"reason\":\"x\",\"operator\":\"y\"}");
        assertProblem(nothing, 404);
        assertThat(nothing.body()).contains("2031-01-01T00:00+08:00").doesNotContainPattern(UTC_TIME);
        HttpResponse<String> empty = platform().post("/api/v1/sites/1005A/reviews", "{\"from\":\"2019-01-07\","
                + "\"to\":\"2019-01-07\",\"decision\":\"invalid\",\"reason\":\"x\",\"operator\":\"y\"}");
        assertProblem(empty, 400);
        assertThat(empty.body()).doesNotContainPattern(UTC_TIME);

        platform().bean(Store.class).chain().sealCheckpoint();
        List<String> answers = List.of("/api/v1/chain/checkpoints", "/api/v1/sites/1005A/reviews",
                "/api/v1/sites/1005A/latest", "/api/v1/sites/1005A",
                "/api/v1/quality/suspicions?city=%E5%8C%97%E4%BA%AC&from=2019-01-01&to=2019-02-01",
                "/api/v1/aqi/hourly?city=%E5%8C%97%E4%BA%AC&from=2019-01-10&to=2019-01-11");
        for (String path : answers) {
            HttpResponse<String> r = platform().getAs(platform().adminToken(), path);
            assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(200);
            assertThat(r.body()).as(path).doesNotContainPattern(UTC_TIME);
        }
        assertThat(platform().getAs(platform().adminToken(), "/api/v1/chain/checkpoints").body()).contains("+08:00");
        // the container's fallback error body (outside the API's handlers) has a timestamp too
        String fallback = platform().get("/error").body();
        assertThat(fallback).contains("+08:00").doesNotContainPattern(UTC_TIME);
    }

    @Test
    void unknownCodesAreNotFound() throws Exception {
        assertProblem(platform().get("/api/v1/sites/1001A/observations?parameter=UNKNOWN"), 404);
        assertProblem(platform().get("/api/v1/sites/1001A/quality?from=2019-01-01&to=2019-01-01&parameter=UNKNOWN"),
                404);
        assertProblem(platform().getAs(platform().adminToken(),
                "/api/v1/quality/suspicions?city=%E5%8C%97%E4%BA%AC&parameter=UNKNOWN"
                + "&from=2019-01-01&to=2019-01-02"), 404);
        assertProblem(platform().get("/api/v1/aqi/hourly?city=Atlantis&from=2019-01-01&to=2019-01-02"), 404);
        assertProblem(platform().get("/api/v1/aqi/daily?site=NOPE&from=2019-01-01&to=2019-01-02"), 404);
        assertProblem(platform().get("/api/v1/cities/Atlantis/evaluation?from=2019-01-01&to=2019-01-02"), 404);
        assertProblem(platform().get("/api/v1/parameters/UNKNOWN"), 404);

        // a code the catalogue does not know, stored as the station sent it, stays readable
        String mn = "SIM000000000000000000004";
        PlatformApiContract.send("QN=20261128120000123;ST=22;CN=2061;PW=123456;MN=" + mn + ";Flag=5;CP=&&DataTime="
                + Hj212Encoder.formatTime(LocalDateTime.of(2026, 11, 28, 12, 0)) + ";x99001-Avg=7,x99001-Flag=N&&");
        HttpResponse<String> odd = platform().get("/api/v1/sites/SIM0004/observations?parameter=x99001"
                + "&from=2026-11-28T12:00%2B08:00&to=2026-11-28T13:00%2B08:00");
        assertThat(odd.statusCode()).as(odd.body()).isEqualTo(200);
        assertThat(odd.body()).contains("\"value\":7.0");
    }

    @Test
    void requestBodiesAndFreeTextHaveLimits() throws Exception {
        String big = "{\"reason\":\"" + "x".repeat(70 * 1024) + "\"}";
        assertProblem(platform().post("/api/v1/sites/1005A/reviews", big), 413);
        // the same without a declared length (chunked): refused after reading the limit
        HttpResponse<String> chunked = platform().http.send(RunningPlatform.authorized(HttpRequest.newBuilder(
                platform().uri("/api/v1/sites/1005A/reviews")), platform().adminToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big.getBytes())))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertProblem(chunked, 413);

        String range = "\"from\":\"2019-01-08T00:00+08:00\",\"to\":\"2019-01-08T02:00+08:00\"";
        HttpResponse<String> longReason = platform().post("/api/v1/sites/1006A/reviews", "{\"parameter\":\"a34004\","
                + range + ",\"decision\":\"invalid\",\"reason\":\"" + "r".repeat(ReviewController.MAX_REASON + 1)
                + "\",\"operator\":\"Li Wei\"}");
        assertProblem(longReason, 400);
        assertThat(longReason.body()).contains("'reason'");
        HttpResponse<String> longOperator = platform().post("/api/v1/sites/1006A/reviews", "{\"parameter\":\"a34004\","
                + range + ",\"decision\":\"invalid\",\"reason\":\"drift\",\"operator\":\""
                + "o".repeat(ReviewController.MAX_OPERATOR + 1) + "\"}");
        assertProblem(longOperator, 400);
        assertThat(longOperator.body()).contains("'operator'");
        // at the limit it is accepted, a chunked body within the limit too
        String ok = "{\"parameter\":\"a34004\"," + range + ",\"decision\":\"invalid\",\"reason\":\""
                + "r".repeat(ReviewController.MAX_REASON) + "\",\"operator\":\"Li Wei\"}";
        HttpResponse<String> accepted = platform().http.send(RunningPlatform.authorized(HttpRequest.newBuilder(
                platform().uri("/api/v1/sites/1006A/reviews")), platform().adminToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(ok.getBytes())))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
    }

    @Test
    void aValueSaysWhetherAndHowItWasReviewed() throws Exception {
        JsonNode latest = JSON.readTree(platform().get("/api/v1/sites/1007A/latest").body());
        assertThat(latest.get(0).get("review").asString()).isEqualTo("none");
        assertThat(latest.get(0).has("reviewed")).isFalse();
    }

    @Test
    void noMovingValueForHoursAfterTheLastData() throws Exception {
        // the demo's January 2019 ends with the hour starting 2019-01-31 22:00 (CNEMC's hour 23)
        JsonNode h = JSON.readTree(platform().get("/api/v1/aqi/hourly?city=%E5%8C%97%E4%BA%AC"
                + "&from=2019-01-31T22:00%2B08:00&to=2019-02-01T02:00%2B08:00").body()).get("values");
        assertThat(h).hasSize(4);
        assertThat(h.get(0).at("/iaqi/o3_8h").isNumber()).isTrue();
        for (int i = 1; i < 4; i++) {
            assertThat(h.get(i).get("iaqi").isEmpty()).as(h.get(i).toString()).isTrue();
            assertThat(h.get(i).get("concentrations").isEmpty()).isTrue();
            assertThat(h.get(i).get("aqi").isNull()).isTrue();
        }
    }

    @Test
    void theSiteListSaysWhichStationsAreOnline() throws Exception {
        PlatformApiContract.send("QN=20261128130000123;ST=22;CN=2011;PW=123456;MN=SIM000000000000000000005;Flag=5;"
                + "CP=&&DataTime=" + Hj212Encoder.formatTime(LocalDateTime.now(java.time.ZoneOffset.ofHours(8))
                .withNano(0)) + ";a34004-Rtd=12,a34004-Flag=N&&");
        JsonNode list = JSON.readTree(platform().get("/api/v1/sites?city=%E6%A8%A1%E6%8B%9F%E5%B8%82").body());
        JsonNode sim5 = null;
        for (JsonNode s : list) {
            assertThat(s.has("online")).isTrue();
            assertThat(s.has("lastPacketAt")).isTrue();
            if (s.get("code").asString().equals("SIM0005")) {
                sim5 = s;
            }
        }
        assertThat(sim5).isNotNull();
        assertThat(sim5.get("online").asBoolean()).isTrue();
        assertThat(sim5.get("lastPacketAt").asString()).endsWith("+08:00");
        JsonNode real = JSON.readTree(platform().get("/api/v1/sites/1001A").body());
        assertThat(real.get("online").asBoolean()).isFalse(); // imported files say nothing about the station
        assertThat(real.get("lastPacketAt").isNull()).isTrue();
    }
}
