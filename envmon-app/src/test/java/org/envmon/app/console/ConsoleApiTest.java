package org.envmon.app.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.envmon.app.BrowserSession.find;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;
import org.envmon.app.PlatformPerClass;
import org.envmon.app.BrowserSession;
import org.envmon.app.RunningPlatform;
import org.envmon.app.security.Division;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The console's endpoints over HTTP: the review queue (one item per QC run) and the station rates, both scoped to the
 * caller's division; the console's login.
 */
class ConsoleApiTest {
    static RunningPlatform platform;
    @RegisterExtension
    static final PlatformPerClass<RunningPlatform> started = QueueFixture.perClass().then(p -> platform = p);

    @Test
    void aConstantRunIsOneItemFromItsFirstHourInTheOperatorsCityOnly() throws Exception {
        String beijing = platform.tokenFor("op-bj-token", "operator", Division.parse("city:北京"));
        HttpResponse<String> r = platform.getAs(beijing, "/api/v1/review-queue");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        String from = QueueFixture.beijing(QueueFixture.RUN_START).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        String to = QueueFixture.beijing(QueueFixture.RUN_START.plusHours(QueueFixture.RUN_HOURS))
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        assertThat(r.body()).contains("\"division\":\"city:北京\"")
                .contains("{\"site\":\"BJ01\",\"siteName\":\"北京站一\",\"city\":\"北京\",\"parameter\":\"a34004\","
                        + "\"code\":\"CONSTANT\",\"from\":\"" + from + "\",\"to\":\"" + to + "\",\"values\":"
                        + QueueFixture.RUN_HOURS + ",\"reviewed\":0,\"state\":\"pending\",\"runLength\":12,"
                        + "\"runValue\":42.0}")
                .doesNotContain("SH01").doesNotContain("\"site\":\"BJ02\",\"siteName\":\"北京站二\",\"city\"");
        assertThat(count("\"code\":\"CONSTANT\"", r.body())).isEqualTo(1);
        // The console finds the endpoints it may offer in the OpenAPI document.
        assertThat(platform.get("/v3/api-docs").body()).contains("\"/api/v1/review-queue\"")
                .contains("\"/api/v1/station-rates\"");

        // Shanghai's operator sees Shanghai's run; the admin sees both.
        String shanghai = platform.tokenFor("op-sh-token", "operator", Division.parse("city:上海"));
        assertThat(platform.getAs(shanghai, "/api/v1/review-queue").body()).contains("\"site\":\"SH01\"")
                .doesNotContain("BJ01");
        assertThat(platform.getAs(platform.adminToken(), "/api/v1/review-queue").body())
                .contains("\"site\":\"SH01\"").contains("\"site\":\"BJ01\"");
    }

    @Test
    void anotherDivisionIsRefusedAndTheQueueIsNotPublic() throws Exception {
        String beijing = platform.tokenFor("op-bj-token2", "operator", Division.parse("city:北京"));
        HttpResponse<String> other = platform.getAs(beijing, "/api/v1/review-queue?city="
                + URLEncoder.encode("上海", StandardCharsets.UTF_8));
        assertThat(other.statusCode()).as(other.body()).isEqualTo(403);
        assertThat(other.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(platform.get("/api/v1/review-queue").statusCode()).isEqualTo(401);
        String maintainer = platform.tokenFor("maint-token", "maintainer", Division.NATIONAL);
        assertThat(platform.getAs(maintainer, "/api/v1/review-queue").statusCode()).isEqualTo(403);
        assertThat(platform.getAs(beijing, "/api/v1/review-queue?from=2026-01-01T00:00%2B08:00"
                + "&to=2026-03-01T00:00%2B08:00").statusCode()).isEqualTo(400);
    }

    @Test
    void stationRatesOfTheDivisionInOneRequest() throws Exception {
        String beijing = platform.tokenFor("op-bj-rates", "operator", Division.parse("city:北京"));
        String day = QueueFixture.RUN_START.toLocalDate().toString();
        String last = QueueFixture.RUN_START.plusHours(QueueFixture.RUN_HOURS).toLocalDate().toString();
        HttpResponse<String> r = platform.getAs(beijing, "/api/v1/station-rates?from=" + day + "&to=" + last);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("\"site\":\"BJ01\"").contains("\"site\":\"BJ02\"").doesNotContain("SH01");
        // The same figures as the one-site endpoint: 14 hours received, the stuck ones all invalid.
        String one = platform.getAs(beijing, "/api/v1/sites/BJ01/quality?from=" + day + "&to=" + last).body();
        String expected = find("\"total\":\\{[^}]*\"expected\":(\\d+)", one);
        assertThat(r.body()).contains("{\"site\":\"BJ01\",\"expected\":" + expected + ",\"received\":"
                + QueueFixture.RUN_HOURS + ",\"valid\":0,");
        assertThat(r.body()).contains("{\"site\":\"BJ02\",\"expected\":" + expected + ",\"received\":"
                + QueueFixture.RUN_HOURS + ",\"valid\":" + QueueFixture.RUN_HOURS + ",");
        assertThat(platform.getAs(platform.adminToken(), "/api/v1/station-rates?from=" + day + "&to=" + last)
                .body()).contains("SH01").contains("BJ01");
        assertThat(platform.get("/api/v1/station-rates?from=" + day + "&to=" + last).statusCode()).isEqualTo(401);
        assertThat(platform.getAs(beijing, "/api/v1/station-rates?from=2026-01-01&to=2026-03-01").statusCode())
                .isEqualTo(400);
    }

    @Test
    void theConsolesLoginLandsOnTheConsoleAndItsWritesNeedTheCsrfToken() throws Exception {
        BrowserSession browser = new BrowserSession(platform);
        HttpResponse<String> wrong = browser.logIn("op-beijing", "wrong", "continue", "/console");
        assertThat(wrong.headers().firstValue("Location").orElseThrow()).endsWith("/console?error");
        HttpResponse<String> login = browser.logIn("op-beijing", QueueFixture.PASSWORD, "continue", "/console");
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElseThrow()).endsWith("/console");
        assertThat(browser.get("/api/v1/review-queue").body()).contains("BJ01").doesNotContain("SH01");
        String body = "{\"parameter\":\"a34004\",\"interval\":\"hour\",\"from\":\""
                + QueueFixture.beijing(QueueFixture.RUN_START) + "\",\"to\":\""
                + QueueFixture.beijing(QueueFixture.RUN_START.plusHours(1)) + "\",\"decision\":\"valid\","
                + "\"reason\":\"checked\"}";
        HttpRequest.Builder write = HttpRequest.newBuilder(platform.uri("/api/v1/sites/SH01/reviews"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        // With the token, the scope decides: Shanghai's site is outside Beijing's division.
        HttpResponse<String> outside = browser.writeNeedsCsrf(write);
        assertThat(outside.statusCode()).as(outside.body()).isEqualTo(403);
        assertThat(outside.body()).contains("outside your division");

        // API clients keep landing on /api/v1/me.
        assertThat(new BrowserSession(platform).logIn("op-beijing", QueueFixture.PASSWORD, "continue",
                "https://elsewhere.example/").headers().firstValue("Location").orElseThrow()).endsWith("/api/v1/me");
    }


    private static int count(String needle, String text) {
        return text.split(Pattern.quote(needle), -1).length - 1;
    }
}
