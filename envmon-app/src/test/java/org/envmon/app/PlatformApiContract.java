package org.envmon.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import org.envmon.app.cli.DemoCommandAccess;
import org.envmon.hj212.Hj212Decoder;
import org.envmon.hj212.Hj212Encoder;
import org.envmon.hj212.Hj212Packet;
import org.envmon.ingest.IngestSink;
import org.envmon.model.SiteStore;
import org.junit.jupiter.api.Test;

/**
 * The running application with the demo data: API, errors, and HJ 212 end to end. Runs on the embedded store
 * ({@link PlatformApiOnDuckDbTest}) and on PostgreSQL ({@link PlatformApiOnPostgresTest}).
 */
abstract class PlatformApiContract {
    static RunningPlatform platform;

    /** The set-up of the platform the subclass starts: the demo data. */
    static void load(RunningPlatform started) throws Exception {
        platform = started;
        DemoCommandAccess.load(platform.bean(SiteStore.class), platform.bean(IngestSink.class));
    }

    @Test
    void listsAndFiltersSites() throws Exception {
        HttpResponse<String> all = platform.get("/api/v1/sites?medium=air&city=%E5%8C%97%E4%BA%AC");
        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(all.body()).contains("\"code\":\"1001A\"").contains("万寿西宫").doesNotContain("passwordHash")
                .doesNotContain("sha256");
        assertThat(platform.get("/api/v1/sites/1002A").body()).contains("\"control\":true");
    }

    @Test
    void servesTheRealImportedSeriesOldestFirstInBeijingTime() throws Exception {
        // CNEMC's row "20190101 hour 1" is the mean of 00:00-01:00, stored at the interval start.
        HttpResponse<String> r = platform.get("/api/v1/sites/1001A/observations?parameter=a34004"
                + "&from=2019-01-01T00:00%2B08:00&to=2019-01-01T03:00%2B08:00&interval=hour");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("json"));
        String clean = ",\"valid\":true,\"qc\":[],\"review\":\"none\"}";
        assertThat(r.body()).isEqualTo("[{\"time\":\"2019-01-01T00:00:00+08:00\",\"value\":53.0,\"flag\":null" + clean
                + ",{\"time\":\"2019-01-01T01:00:00+08:00\",\"value\":49.0,\"flag\":null" + clean
                + ",{\"time\":\"2019-01-01T02:00:00+08:00\",\"value\":46.0,\"flag\":null" + clean + "]");
    }

    @Test
    void answersErrorsAsProblemJson() throws Exception {
        platform.problem("/api/v1/sites/NOPE", 404, "no site with code NOPE");
        String observations = "/api/v1/sites/1001A/observations?parameter=a34004";
        platform.problem(observations + "&interval=fortnight", 400, "unknown interval");
        platform.problem(observations + "&from=yesterday", 400, "not an ISO-8601 time");
        platform.problem(observations + "&from=2019-01-02&to=2019-01-01", 400, "'from' must be before 'to'");
        platform.problem("/api/v1/sites/1001A/observations", 400, "");

        // Bean Validation of a query parameter and of a body field: 400 problem+json naming the field
        platform.problem(observations + "&limit=0", 400, "'limit' ");
        HttpResponse<String> badDecision = platform.post("/api/v1/sites/1001A/reviews", "{\"from\":\"2019-01-01\","
                + "\"to\":\"2019-01-02\",\"decision\":\"maybe\",\"reason\":\"r\"}");
        assertThat(badDecision.statusCode()).isEqualTo(400);
        assertThat(badDecision.body()).contains("'decision' must be 'invalid' or 'valid'");
    }

    static void send(String segment) throws Exception {
        assertThat(platform.sendHj212(segment)).contains("CN=9014");
    }

    @Test
    void aPlainTcpStationSeesItsAnswerThenItsValuesThroughTheApi() throws Exception {
        String mn = "SIM000000000000000000001";
        LocalDateTime t = LocalDateTime.of(2026, 11, 28, 10, 0, 0);
        String segment = "QN=20261128100000123;ST=22;CN=2061;PW=123456;MN=" + mn + ";Flag=5;CP=&&DataTime="
                + Hj212Encoder.formatTime(t) + ";a34004-Avg=41,a34004-Min=30,a34004-Max=52,a34004-Flag=N;"
                + "a21005-Avg=0.8,a21005-Flag=N&&";
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", platform.hj212Port)) {
            s.getOutputStream().write(Hj212Encoder.frame(segment));
            s.setSoTimeout(10_000);
            byte[] buf = new byte[512];
            int n = s.getInputStream().read(buf);
            String line = new String(buf, 0, n, java.nio.charset.StandardCharsets.US_ASCII).trim();
            Hj212Packet answer = new Hj212Decoder().decode(line.getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                    .packet();
            assertThat(answer.cn()).isEqualTo("9014");
            assertThat(answer.qn()).isEqualTo("20261128100000123");
        }
        HttpResponse<String> series = platform.get("/api/v1/sites/SIM0001/observations?parameter=a34004"
                + "&from=2026-11-28T10:00%2B08:00&to=2026-11-28T11:00%2B08:00&interval=hour");
        assertThat(series.body()).isEqualTo("[{\"time\":\"2026-11-28T10:00:00+08:00\",\"value\":41.0,\"flag\":\"N\","
                + "\"valid\":true,\"qc\":[],\"review\":\"none\"}]");
        HttpResponse<String> latest = platform.get("/api/v1/sites/SIM0001/latest");
        assertThat(latest.body()).contains("\"parameter\":\"a21005\"").contains("\"unit\":\"mg/m3\"")
                .contains("\"value\":0.8");
    }

    @Test
    void servesTheParameterCatalogueOpenApiAndMetrics() throws Exception {
        assertThat(platform.get("/api/v1/parameters/a34004").body()).contains("PM2.5");
        assertThat(platform.get("/v3/api-docs").body()).contains("/api/v1/sites/{code}/observations");
        assertThat(platform.get("/actuator/health").body()).contains("UP");
        assertThat(platform.get("/actuator/prometheus").statusCode()).isEqualTo(401);
        assertThat(platform.getAs(platform.adminToken(), "/actuator/prometheus").body())
                .contains("envmon_hj212_connections");
    }

    @Test
    void screensACityForSuspiciousPatternsOnTheRealData() throws Exception {
        String reader = platform.adminToken();
        HttpResponse<String> r = platform.getAs(reader, "/api/v1/quality/suspicions?city=%E5%8C%97%E4%BA%AC"
                + "&from=2019-01-01&to=2019-02-01");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).startsWith("[");
        HttpResponse<String> unknown = platform.getAs(reader, "/api/v1/quality/suspicions?city=Atlantis&from=2019-01-01"
                + "&to=2019-02-01");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(platform.getAs(reader, "/api/v1/quality/suspicions?city=x").statusCode()).isEqualTo(400);
    }

    @Test
    void automaticQcJudgesEveryValueAndKeepsTheRawValue() throws Exception {
        String mn = "SIM000000000000000000002";
        LocalDateTime t = LocalDateTime.of(2026, 11, 28, 11, 0, 0);
        // M = maintenance (HJ 212-2017 data flags): the value is kept but does not count.
        send("QN=20261128110000123;ST=22;CN=2061;PW=123456;MN=" + mn + ";Flag=5;CP=&&DataTime="
                + Hj212Encoder.formatTime(t) + ";a34004-Avg=-3,a34004-Flag=N;a34002-Avg=80,a34002-Flag=M&&");
        String body = platform.get("/api/v1/sites/SIM0002/observations?parameter=a34004"
                + "&from=2026-11-28T11:00%2B08:00&to=2026-11-28T12:00%2B08:00&interval=hour").body();
        assertThat(body).contains("\"value\":-3.0").contains("\"valid\":false").contains("NEGATIVE");
        String pm10 = platform.get("/api/v1/sites/SIM0002/observations?parameter=a34002"
                + "&from=2026-11-28T11:00%2B08:00&to=2026-11-28T12:00%2B08:00&interval=hour").body();
        assertThat(pm10).contains("\"value\":80.0").contains("\"flag\":\"M\"").contains("\"valid\":false")
                .contains("FLAG_MAINTENANCE");
    }

    @Test
    void aStuckStationIsFlaggedFromItsFirstHourWithTheRunAsEvidence() throws Exception {
        String mn = "SIM000000000000000000003";
        LocalDateTime t0 = LocalDateTime.of(2026, 11, 27, 0, 0, 0);
        for (int h = 0; h < 12; h++) { // PM2.5 42 for 12 hours (an HJ 212 hourly station over TCP)
            LocalDateTime t = t0.plusHours(h);
            send("QN=" + String.format("20261127%02d0000123", h) + ";ST=22;CN=2061;PW=123456;MN=" + mn + ";Flag=5;CP=&&DataTime="
                    + Hj212Encoder.formatTime(t) + ";a34004-Avg=42,a34004-Flag=N&&");
        }
        String body = platform.get("/api/v1/sites/SIM0003/observations?parameter=a34004"
                + "&from=2026-11-27T00:00%2B08:00&to=2026-11-27T12:00%2B08:00&interval=hour").body();
        assertThat(body).contains("\"time\":\"2026-11-27T00:00:00+08:00\",\"value\":42.0,\"flag\":\"N\","
                + "\"valid\":false,\"qc\":[\"CONSTANT\"]").doesNotContain("\"valid\":true");
        String flags = platform.getAs(platform.adminToken(), "/api/v1/sites/SIM0003/qc-flags").body();
        assertThat(flags).contains("\"parameter\":\"a34004\"").contains("\"code\":\"CONSTANT\"")
                .contains("\"from\":\"2026-11-27T00:00:00+08:00\"").contains("\"to\":\"2026-11-27T11:00:00+08:00\"")
                .contains("\"runLength\":12").contains("\"runValue\":42.0");
        assertThat(platform.getAs(platform.adminToken(), "/api/v1/sites/NOPE/qc-flags").statusCode()).isEqualTo(404);
    }

    @Test
    void anOperatorReviewsARangeAndTheHistoryIsKept() throws Exception {
        String range = "\"from\":\"2019-01-05T00:00+08:00\",\"to\":\"2019-01-05T06:00+08:00\"";
        HttpResponse<String> invalid = platform.post("/api/v1/sites/1003A/reviews", "{\"parameter\":\"a34004\","
                + range + ",\"decision\":\"invalid\",\"reason\":\"analyser drift found at calibration\","
                + "\"operator\":\"Li Wei\"}");
        assertThat(invalid.statusCode()).as(invalid.body()).isEqualTo(201);
        // the decision records the authenticated account, not the operator named in the body
        assertThat(invalid.body()).contains("\"operator\":\"test-admin\"").contains("\"decision\":\"invalid\"")
                .doesNotContain("Li Wei");

        String series = platform.get("/api/v1/sites/1003A/observations?parameter=a34004"
                + "&from=2019-01-05T00:00%2B08:00&to=2019-01-05T06:00%2B08:00").body();
        assertThat(series).contains("\"valid\":false,").contains("\"review\":\"invalid\"")
                .doesNotContain("\"valid\":true");
        String otherParameter = platform.get("/api/v1/sites/1003A/observations?parameter=a34002"
                + "&from=2019-01-05T00:00%2B08:00&to=2019-01-05T06:00%2B08:00").body();
        assertThat(otherParameter).doesNotContain("\"review\":\"invalid\"");

        HttpResponse<String> again = platform.post("/api/v1/sites/1003A/reviews", "{\"parameter\":\"a34004\","
                + range + ",\"decision\":\"invalid\",\"reason\":\"twice\",\"operator\":\"Li Wei\"}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.headers().firstValue("Content-Type")).contains("application/problem+json");
        HttpResponse<String> noReason = platform.post("/api/v1/sites/1003A/reviews", "{\"parameter\":\"a34004\","
                + range + ",\"decision\":\"valid\",\"operator\":\"Li Wei\"}");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(platform.post("/api/v1/sites/NOPE/reviews", "{" + range + ",\"decision\":\"invalid\","
                + "\"reason\":\"x\",\"operator\":\"y\"}").statusCode()).isEqualTo(404);
        assertThat(platform.post("/api/v1/sites/1003A/reviews", "{\"from\":\"2030-01-01\",\"to\":\"2030-01-02\","
                + "\"decision\":\"invalid\",\"reason\":\"x\",\"operator\":\"y\"}").statusCode()).isEqualTo(404);

        HttpResponse<String> revert = platform.post("/api/v1/sites/1003A/reviews", "{\"parameter\":\"a34004\","
                + "\"from\":\"2019-01-05T02:00+08:00\",\"to\":\"2019-01-05T03:00+08:00\",\"decision\":\"valid\","
                + "\"reason\":\"drift started later\",\"operator\":\"Zhang Min\"}");
        assertThat(revert.statusCode()).as(revert.body()).isEqualTo(201);
        String history = platform.getAs(platform.adminToken(), "/api/v1/sites/1003A/reviews").body();
        assertThat(history).contains("test-admin").contains("drift started later").doesNotContain("Zhang Min");
        String after = platform.get("/api/v1/sites/1003A/observations?parameter=a34004"
                + "&from=2019-01-05T02:00%2B08:00&to=2019-01-05T03:00%2B08:00").body();
        assertThat(after).contains("\"review\":\"valid\"");
    }

    @Test
    void reportsCaptureAndValidRatesPerDay() throws Exception {
        HttpResponse<String> r = platform.get("/api/v1/sites/1001A/quality?from=2019-01-01&to=2019-01-02");
        // day ranges include their last day: 2 days x 24 hours x 6 pollutants
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("\"expected\":288").contains("\"captureRate\"").contains("\"validRate\"")
                .contains("\"online\":false").contains("\"dailyValidity\"").contains("\"dailyValid\":true");
        assertThat(platform.get("/api/v1/sites/1001A/quality?from=2019-01-03&to=2019-01-01").statusCode())
                .isEqualTo(400);
    }

    @Test
    void theRunningStoreVerifiesAgainstItsChain() throws Exception {
        HttpResponse<String> r = platform.post("/api/v1/chain/verify", "");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"state\":\"INTACT\"");
    }

    /** The API conventions on the same running platform. */
    @org.junit.jupiter.api.Nested
    class Conventions extends ApiConventions {
    }

    @Test
    void demoDataIsInPlace() {
        assertThat(platform.bean(SiteStore.class).count()).isEqualTo(2026 + 20 + 10);
    }
}
