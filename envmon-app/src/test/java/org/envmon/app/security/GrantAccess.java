package org.envmon.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.envmon.app.BrowserSession.find;
import static org.envmon.app.security.AccessContract.HOUR;
import static org.envmon.app.security.AccessContract.QN;
import static org.envmon.app.security.AccessContract.admin;
import static org.envmon.app.security.AccessContract.analystAirBeijing;
import static org.envmon.app.security.AccessContract.analystShanghai;
import static org.envmon.app.security.AccessContract.assertProblem;
import static org.envmon.app.security.AccessContract.enterprise;
import static org.envmon.app.security.AccessContract.maintainer;
import static org.envmon.app.security.AccessContract.opBeijing;
import static org.envmon.app.security.AccessContract.opShanghai;
import static org.envmon.app.security.AccessContract.platform;
import static org.envmon.app.security.AccessContract.review;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import org.envmon.app.RunningPlatform;
import org.envmon.hj212.Hj212Encoder;
import org.envmon.model.PasswordHash;
import org.envmon.model.SiteStore;
import org.junit.jupiter.api.Test;

/**
 * Scopes over HTTP on the platform {@link AccessContract} started: each role on each endpoint, on its own division's
 * data and on another's (the matrix); the MNs an enterprise and an analyst see, media
 * granted to an analyst and sites linked to an enterprise (their tokens follow at once), a maintainer's proposal
 * decided by the division's operator, a station password rotated within the division.
 */
abstract class GrantAccess {
    @Test
    void roleByEndpointByOwnOrOtherDivision() throws Exception {
        Map<String, String> tokens = new HashMap<>();
        tokens.put("admin", admin);
        tokens.put("op-bj", opBeijing);
        tokens.put("op-sh", opShanghai);
        tokens.put("maint", maintainer);
        tokens.put("factory", enterprise);
        tokens.put("partner-sh", analystShanghai);
        tokens.put("partner-air", analystAirBeijing);
        String days = "&from=" + HOUR.toLocalDate() + "&to=" + HOUR.toLocalDate().plusDays(1);
        //                                            anon admin op-bj op-sh maint factory partner-sh partner-air
        new RoleMatrix(tokens)
                .row(platform, "GET", "/api/v1/sites/BJ01/reviews", null, 401, 200, 200, 403, 200, 200, 403, 200)
                .row(platform, "GET", "/api/v1/sites/SH01/reviews", null, 401, 200, 403, 200, 403, 403, 200, 403)
                .row(platform, "GET", "/api/v1/sites/BJ02/qc-flags", null, 401, 200, 200, 403, 200, 403, 403, 200)
                .row(platform, "GET", "/api/v1/sites/SH01/qc-flags", null, 401, 200, 403, 200, 403, 403, 200, 403)
                // a water site of Beijing: outside the air-only analyst's media
                .row(platform, "GET", "/api/v1/sites/BJW1/reviews", null, 401, 200, 200, 403, 403, 403, 403, 403)
                .row(platform, "GET", "/api/v1/sites/BJW1/qc-flags", null, 401, 200, 200, 403, 403, 403, 403, 403)
                .row(platform, "GET", "/api/v1/quality/suspicions?city=" + RoleMatrix.city("北京") + days, null,
                        401, 200, 200, 403, 200, 403, 403, 200)
                .row(platform, "GET", "/api/v1/quality/suspicions?city=" + RoleMatrix.city("上海") + days, null,
                        401, 200, 403, 200, 200, 403, 200, 403)
                .row(platform, "GET", "/api/v1/aqi/cities/latest", null, 200, 200, 200, 200, 200, 200, 200, 200)
                .row(platform, "GET", "/api/v1/sites/BJ01/latest", null, 200, 200, 200, 200, 200, 200, 200, 200)
                .row(platform, "GET", "/api/v1/review-proposals", null, 401, 200, 200, 200, 200, 403, 403, 403)
                .row(platform, "GET", "/api/v1/audit", null, 401, 200, 403, 403, 403, 403, 403, 403)
                .row(platform, "GET", "/api/v1/accounts/partner-air/media", null, 401, 200, 403, 403, 403, 403, 403,
                        403)
                .row(platform, "GET", "/actuator/prometheus", null, 401, 200, 200, 200, 200, 403, 403, 403)
                .row(platform, "POST", "/api/v1/sites/BJ01/reviews", review("invalid"), 401, 0, 0, 403, 403, 403, 403,
                        403)
                .row(platform, "POST", "/api/v1/sites/SH01/reviews", review("invalid"), 401, 0, 403, 0, 403, 403, 403,
                        403)
                .row(platform, "POST", "/api/v1/sites/BJ01/review-proposals", review("invalid"), 401, 403, 403, 403,
                        0, 403, 403, 403)
                .row(platform, "POST", "/api/v1/sites/SH01/review-proposals", review("invalid"), 401, 403, 403, 403,
                        403, 403, 403, 403)
                .row(platform, "POST", "/api/v1/review-proposals/999999/accept", "{}", 401, 404, 404, 404, 403, 403,
                        403, 403)
                .row(platform, "POST", "/api/v1/chain/verify", "", 401, 200, 200, 200, 403, 403, 403, 403)
                .assertAll();
    }

    @Test
    void enterprisesAndAnalystsSeeMnsOfTheirScopeOnly() throws Exception {
        assertThat(platform.getAs(enterprise, "/api/v1/sites/BJ01").body()).contains("ACC0000000000000000000001");
        assertThat(platform.getAs(enterprise, "/api/v1/sites/BJ02").body()).doesNotContain("\"mn\"");
        assertThat(platform.getAs(analystShanghai, "/api/v1/sites/SH01").body())
                .contains("ACC0000000000000000000003");
        assertThat(platform.getAs(analystShanghai, "/api/v1/sites/BJ01").body()).doesNotContain("\"mn\"");
        // an analyst granted air in Beijing: Beijing's air stations, not its water sections
        assertThat(platform.getAs(analystAirBeijing, "/api/v1/sites/BJ01").body())
                .contains("ACC0000000000000000000001");
        assertThat(platform.getAs(analystAirBeijing, "/api/v1/sites/BJW1").body()).doesNotContain("\"mn\"");
        HttpResponse<String> water = platform.getAs(analystAirBeijing, "/api/v1/sites/BJW1/reviews");
        assertProblem(water, 403);
        assertThat(water.body()).contains("a medium not granted to you (surface_water)");
        assertThat(platform.getAs(analystAirBeijing, "/api/v1/me").body()).contains("\"media\":[\"air\"]");
    }

    @Test
    void anAdminGrantsMediaToAnAnalystAndItsTokensFollow() throws Exception {
        String partner = platform.tokenFor("partner-water", "analyst", Division.parse("city:北京"));
        assertThat(platform.getAs(partner, "/api/v1/sites/BJ01/qc-flags").statusCode()).isEqualTo(200);
        assertProblem(put(opBeijing, "/api/v1/accounts/partner-water/media", "{\"media\":[\"surface_water\"]}"), 403);
        assertProblem(put(admin, "/api/v1/accounts/op-bj/media", "{\"media\":[\"air\"]}"), 400);
        assertProblem(put(admin, "/api/v1/accounts/partner-water/media", "{\"media\":[\"lava\"]}"), 400);
        HttpResponse<String> granted = put(admin, "/api/v1/accounts/partner-water/media",
                "{\"media\":[\"surface_water\"]}");
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);
        assertThat(platform.getAs(admin, "/api/v1/accounts/partner-water/media").body())
                .isEqualTo("{\"media\":[\"surface_water\"]}");
        // the change reaches the cached token at once in this platform
        assertProblem(platform.getAs(partner, "/api/v1/sites/BJ01/qc-flags"), 403);
        assertThat(platform.getAs(partner, "/api/v1/sites/BJW1/qc-flags").statusCode()).isEqualTo(200);
        // a city's subjects are air
        assertProblem(platform.getAs(partner, "/api/v1/quality/suspicions?city=" + RoleMatrix.city("北京")
                + "&from=" + HOUR.toLocalDate() + "&to=" + HOUR.toLocalDate().plusDays(1)), 403);
        assertThat(platform.getAs(admin, "/api/v1/audit?user=test-admin&limit=10000").body())
                .contains("\"action\":\"PUT /api/v1/accounts/{name}/media\"");
    }

    @Test
    void aMaintainerProposesAndAnOperatorOfTheDivisionDecides() throws Exception {
        HttpResponse<String> proposed = platform.postAs(maintainer, "/api/v1/sites/BJ03/review-proposals",
                review("invalid"));
        assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(201);
        assertThat(proposed.body()).contains("\"state\":\"pending\"").contains("\"proposedBy\":\"maint\"");
        long id = Long.parseLong(find("\"id\":(\\d+)", proposed.body()));
        // a direct final review by the maintainer stays refused
        assertProblem(platform.postAs(maintainer, "/api/v1/sites/BJ03/reviews", review("invalid")), 403);
        assertProblem(platform.postAs(maintainer, "/api/v1/review-proposals/" + id + "/accept", "{}"), 403);
        // another division's operator does not see it
        assertProblem(platform.postAs(opShanghai, "/api/v1/review-proposals/" + id + "/accept", "{}"), 404);
        assertThat(platform.getAs(opShanghai, "/api/v1/review-proposals").body()).doesNotContain("BJ03");
        assertThat(platform.getAs(opBeijing, "/api/v1/review-proposals?state=pending").body())
                .contains("\"id\":" + id);

        HttpResponse<String> accepted = platform.postAs(opBeijing, "/api/v1/review-proposals/" + id + "/accept",
                "{\"note\":\"confirmed on site\"}");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.body()).contains("\"operator\":\"op-bj\"").contains("[proposal " + id + " by maint]");
        assertThat(platform.getAs(opBeijing, "/api/v1/sites/BJ03/reviews").body()).contains("\"operator\":\"op-bj\"");
        assertProblem(platform.postAs(opBeijing, "/api/v1/review-proposals/" + id + "/accept", "{}"), 409);

        long second = Long.parseLong(find("\"id\":(\\d+)", platform.postAs(maintainer,
                "/api/v1/sites/BJ03/review-proposals", review("valid")).body()));
        HttpResponse<String> rejected = platform.postAs(admin, "/api/v1/review-proposals/" + second + "/reject",
                "{\"note\":\"no evidence\"}");
        assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(200);
        assertThat(rejected.body()).contains("\"state\":\"rejected\"").contains("\"decidedBy\":\"test-admin\"");
        assertThat(platform.getAs(admin, "/api/v1/audit?user=maint").body())
                .contains("POST /api/v1/sites/{code}/review-proposals");
    }

    private static HttpResponse<String> put(String token, String path, String json) throws Exception {
        return platform.http.send(RunningPlatform.authorized(HttpRequest.newBuilder(platform.uri(path)), token)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anAdminLinksSitesToAnEnterpriseAndItsTokensFollow() throws Exception {
        String acme = platform.tokenFor("acme", "enterprise", Division.parse("city:上海"));
        assertProblem(platform.getAs(acme, "/api/v1/sites/SH01/qc-flags"), 403);
        assertProblem(put(opShanghai, "/api/v1/accounts/acme/sites", "{\"sites\":[\"SH01\"]}"), 403);
        assertProblem(put(admin, "/api/v1/accounts/op-sh/sites", "{\"sites\":[\"SH01\"]}"), 400);
        HttpResponse<String> linked = put(admin, "/api/v1/accounts/acme/sites", "{\"sites\":[\"SH01\"]}");
        assertThat(linked.statusCode()).as(linked.body()).isEqualTo(200);
        assertThat(platform.getAs(admin, "/api/v1/accounts/acme/sites").body()).isEqualTo("{\"sites\":[\"SH01\"]}");
        // the change reaches the cached token at once in this platform
        assertThat(platform.getAs(acme, "/api/v1/sites/SH01/qc-flags").statusCode()).isEqualTo(200);
        assertThat(platform.getAs(admin, "/api/v1/audit?user=test-admin&limit=10000").body())
                .contains("\"action\":\"PUT /api/v1/accounts/{name}/sites\"");
    }

    /** Sends one hourly PM2.5 value and returns the gateway's answer. */
    private static String answerTo(String mn, String pw, LocalDateTime hour) throws Exception {
        String segment = "QN=" + hour.format(QN) + "002;ST=22;CN=2061;PW=" + pw + ";MN=" + mn + ";Flag=5;CP=&&"
                + "DataTime=" + Hj212Encoder.formatTime(hour) + ";a34004-Avg=10,a34004-Flag=N&&";
        return platform.sendHj212(segment);
    }

    @Test
    void anOperatorRotatesAStationPasswordOfItsDivision() throws Exception {
        String path = "/api/v1/sites/BJ02/hj212-password";
        assertProblem(platform.postAs(null, path, ""), 401);
        assertProblem(platform.postAs(opShanghai, path, ""), 403);
        assertProblem(platform.postAs(maintainer, path, ""), 403);
        assertProblem(platform.postAs(enterprise, path, ""), 403);

        HttpResponse<String> rotated = platform.postAs(opBeijing, path, "");
        assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
        assertThat(rotated.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        String password = find("\"password\":\"([^\"]+)\"", rotated.body());
        assertThat(password).hasSize(6);
        // stored salted and hashed, never the password itself
        String stored = platform.bean(SiteStore.class).byCode("BJ02").orElseThrow().passwordHash();
        assertThat(stored).startsWith("sha256$").doesNotContain(password);
        assertThat(PasswordHash.verify(password, stored)).isTrue();

        // the old password stops working at once, the new one works
        assertThat(answerTo("ACC0000000000000000000002", "123456", HOUR.minusHours(1))).contains("QnRtn=3");
        assertThat(answerTo("ACC0000000000000000000002", password, HOUR.minusHours(1))).contains("CN=9014");

        String audit = platform.getAs(admin, "/api/v1/audit?user=op-bj&limit=10000").body();
        assertThat(audit).contains("\"action\":\"POST /api/v1/sites/{code}/hj212-password\"")
                .doesNotContain(password);
    }
}
