package org.envmon.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.envmon.app.BrowserSession.find;

import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.envmon.app.PlatformPerClass;
import org.envmon.app.RunningPlatform;
import org.envmon.hj212.Hj212Encoder;
import org.envmon.model.Medium;
import org.envmon.model.PasswordHash;
import org.envmon.model.Site;
import org.envmon.model.SiteStore;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Who may do what, over HTTP, per role: anonymous, admin, a Beijing operator on its own and on another city's data,
 * a maintainer; with the nested groups, the role matrix, grants and proposals ({@link GrantAccess}) and token
 * lifecycle, CSRF on a session write, the audit trail ({@link AccountAccess}). Runs on both engines.
 */
abstract class AccessContract {
    static final DateTimeFormatter QN = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    /** A past hour with values at every test site. */
    static final LocalDateTime HOUR = LocalDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.HOURS)
            .minusHours(3);
    static final String WEB_PASSWORD = "correct horse battery";

    static RunningPlatform platform;
    static String admin;
    static String opBeijing;
    static String opShanghai;
    static String maintainer;
    static String enterprise;
    static String analystShanghai;
    static String analystAirBeijing;

    /** The platform of an engine with a threshold alert rule, the sites and their data, and the accounts. */
    static PlatformPerClass<RunningPlatform> on(PlatformPerClass<RunningPlatform> engine) {
        return engine.with(dir -> RunningPlatform.onlyPm25ThresholdRule(dir, "pm-high", 100))
                .then(AccessContract::load);
    }

    /** Three air sites in Beijing, one in Shanghai, a Beijing water site, an hour of data, and one account a role. */
    static void load(RunningPlatform started) throws Exception {
        platform = started;
        platform.bean(SiteStore.class).upsert(List.of(
                site("BJ01", "北京市", "北京", "ACC0000000000000000000001"),
                site("BJ02", "北京市", "北京", "ACC0000000000000000000002"),
                site("SH01", "上海市", "上海", "ACC0000000000000000000003"),
                site("BJ03", "北京市", "北京", "ACC0000000000000000000004"),
                new Site("BJW1", "BJW1", Medium.SURFACE_WATER, "ACC0000000000000000000005", PasswordHash.hash("123456"),
                        "北京市", "北京", null, null, 39.9, 116.4, false)));
        for (int i = 1; i <= 4; i++) {
            send("ACC000000000000000000000" + i, 180);
        }
        admin = platform.adminToken();
        opBeijing = platform.tokenFor("op-bj", "operator", Division.parse("city:北京"));
        opShanghai = platform.tokenFor("op-sh", "operator", Division.parse("city:上海"));
        maintainer = platform.tokenFor("maint", "maintainer", Division.NATIONAL);
        enterprise = platform.tokenFor("factory", "enterprise", Division.parse("city:北京"));
        analystShanghai = platform.tokenFor("partner-sh", "analyst", Division.parse("city:上海"));
        analystAirBeijing = platform.tokenFor("partner-air", "analyst", Division.parse("city:北京"));
        // before the tokens' first use (their lookups are cached)
        platform.bean(AccountService.class).setSites("maint", List.of("BJ01", "BJ02", "BJ03"));
        platform.bean(AccountService.class).setSites("factory", List.of("BJ01"));
        platform.bean(AccountService.class).setMedia("partner-air", List.of(Medium.AIR));
        platform.bean(AccountService.class).addUser("web-admin", WEB_PASSWORD, "admin", Division.NATIONAL);
    }

    private static Site site(String code, String province, String city, String mn) {
        return new Site(code, code, Medium.AIR, mn, PasswordHash.hash("123456"), province, city, null, null, 39.9,
                116.4, false);
    }

    private static void send(String mn, double pm25) throws Exception {
        String segment = "QN=" + HOUR.format(QN) + "001;ST=22;CN=2061;PW=123456;MN=" + mn + ";Flag=5;CP=&&DataTime="
                + Hj212Encoder.formatTime(HOUR) + ";a34004-Avg=" + pm25 + ",a34004-Flag=N&&";
        assertThat(platform.sendHj212(segment)).contains("CN=9014");
    }

    static String review(String decision) {
        String from = HOUR.atOffset(ZoneOffset.ofHours(8)).toString();
        String to = HOUR.plusHours(1).atOffset(ZoneOffset.ofHours(8)).toString();
        return "{\"parameter\":\"a34004\",\"from\":\"" + from + "\",\"to\":\"" + to + "\",\"decision\":\""
                + decision + "\",\"reason\":\"matrix test\",\"operator\":\"someone else\"}";
    }

    /** The id of the open alert of a site, waiting for the alert engine. */
    static long alertOf(String site) throws Exception {
        Pattern p = Pattern.compile("\\{\"id\":(\\d+),[^{}]*\"subject\":\"" + site + "\"");
        for (int i = 0; i < 300; i++) {
            Matcher m = p.matcher(platform.get("/api/v1/alerts").body());
            if (m.find()) {
                return Long.parseLong(m.group(1));
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no alert for " + site + ": " + platform.get("/api/v1/alerts").body());
    }

    static void assertProblem(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v)
                .startsWith("application/problem+json"));
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void thePublicReadsPublishedDataAndWritesNothing() throws Exception {
        assertThat(platform.get("/api/v1/sites").statusCode()).isEqualTo(200);
        assertThat(platform.get("/api/v1/sites/BJ01/latest").statusCode()).isEqualTo(200);
        assertThat(platform.get("/api/v1/alerts").statusCode()).isEqualTo(200);
        assertThat(platform.get("/actuator/health").statusCode()).isEqualTo(200);
        assertThat(platform.get("/v3/api-docs").statusCode()).isEqualTo(200);

        assertProblem(platform.postAs(null, "/api/v1/sites/BJ01/reviews", review("invalid")), 401);
        assertProblem(platform.postAs(null, "/api/v1/alerts/1/acknowledge", "{\"note\":\"x\"}"), 401);
        assertProblem(platform.postAs(null, "/api/v1/chain/verify", ""), 401);
        assertProblem(platform.get("/api/v1/audit"), 401);
        assertProblem(platform.get("/api/v1/tokens"), 401);
        assertProblem(platform.get("/actuator/prometheus"), 401);
        // an unknown path is refused like any undeclared endpoint, without saying what exists
        assertProblem(platform.postAs(null, "/api/v1/nothing-here", "{}"), 401);
    }

    @Test
    void qcInternalsReviewHistoryAndEvidenceNeedAnAccount() throws Exception {
        for (String path : List.of("/api/v1/sites/BJ01/reviews", "/api/v1/sites/BJ01/qc-flags",
                "/api/v1/quality/suspicions?city=%E5%8C%97%E4%BA%AC&from="
                + HOUR.toLocalDate() + "&to=" + HOUR.toLocalDate().plusDays(1), "/api/v1/chain/checkpoints")) {
            assertProblem(platform.get(path), 401);
            for (String token : List.of(admin, opBeijing, maintainer)) {
                HttpResponse<String> r = platform.getAs(token, path);
                assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(200);
            }
        }
    }

    @Test
    void thePublicDoesNotSeeStationMns() throws Exception {
        for (String path : List.of("/api/v1/sites", "/api/v1/sites/BJ01")) {
            HttpResponse<String> anonymous = platform.get(path);
            assertThat(anonymous.statusCode()).isEqualTo(200);
            assertThat(anonymous.body()).contains("\"code\":\"BJ01\"").doesNotContain("\"mn\"")
                    .doesNotContain("ACC0000000000000000000001");
            assertThat(platform.getAs(maintainer, path).body()).contains("\"mn\":\"ACC0000000000000000000001\"");
        }
    }

    @Test
    void aBadTokenIsRefusedEvenOnPublicReads() throws Exception {
        HttpResponse<String> r = platform.getAs("envmon_not-a-token", "/api/v1/sites");
        assertProblem(r, 401);
        assertThat(r.body()).doesNotContain("not-a-token");
        assertProblem(platform.getAs("x".repeat(5000), "/api/v1/sites"), 401);
    }

    @Test
    void anOperatorReviewsItsOwnCityOnlyAndAMaintainerNever() throws Exception {
        assertProblem(platform.postAs(opShanghai, "/api/v1/sites/BJ01/reviews", review("invalid")), 403);
        HttpResponse<String> byMaintainer = platform.postAs(maintainer, "/api/v1/sites/BJ01/reviews",
                review("invalid"));
        assertProblem(byMaintainer, 403);
        assertThat(byMaintainer.body()).contains("maintainer cannot make a final review decision");

        HttpResponse<String> own = platform.postAs(opBeijing, "/api/v1/sites/BJ01/reviews", review("invalid"));
        assertThat(own.statusCode()).as(own.body()).isEqualTo(201);
        // the authenticated account is recorded, not the operator named in the body
        assertThat(own.body()).contains("\"operator\":\"op-bj\"").doesNotContain("someone else");

        HttpResponse<String> other = platform.postAs(opBeijing, "/api/v1/sites/SH01/reviews", review("invalid"));
        assertProblem(other, 403);
        assertThat(other.body()).contains("outside your division");
        HttpResponse<String> byAdmin = platform.postAs(admin, "/api/v1/sites/SH01/reviews", review("invalid"));
        assertThat(byAdmin.statusCode()).as(byAdmin.body()).isEqualTo(201);
        assertThat(byAdmin.body()).contains("\"operator\":\"test-admin\"");
    }

    @Test
    void alertsAreAcknowledgedAndClosedWithinTheDivision() throws Exception {
        long beijing = alertOf("BJ01");
        long shanghai = alertOf("SH01");
        String note = "{\"note\":\"checking\",\"operator\":\"someone else\"}";
        assertProblem(platform.postAs(opShanghai, "/api/v1/alerts/" + beijing + "/acknowledge", note), 403);
        assertProblem(platform.postAs(maintainer, "/api/v1/alerts/" + beijing + "/acknowledge", note), 403);
        HttpResponse<String> ack = platform.postAs(opBeijing, "/api/v1/alerts/" + beijing + "/acknowledge", note);
        assertThat(ack.statusCode()).as(ack.body()).isEqualTo(200);
        assertThat(ack.body()).contains("\"ackOperator\":\"op-bj\"");

        assertProblem(platform.postAs(opBeijing, "/api/v1/alerts/" + shanghai + "/close", "{}"), 403);
        HttpResponse<String> close = platform.postAs(admin, "/api/v1/alerts/" + shanghai + "/close", "{}");
        assertThat(close.statusCode()).as(close.body()).isEqualTo(200);
        assertThat(close.body()).contains("\"closedBy\":\"test-admin\"");
    }

    @Test
    void verifyingTheChainNeedsAnOperatorOrAdmin() throws Exception {
        assertProblem(platform.postAs(maintainer, "/api/v1/chain/verify", ""), 403);
        assertThat(platform.postAs(opBeijing, "/api/v1/chain/verify", "").statusCode()).isEqualTo(200);
        assertThat(platform.postAs(admin, "/api/v1/chain/verify", "").statusCode()).isEqualTo(200);
    }




    /** Accounts, tokens, sessions and the audit trail, on this platform. */
    @Nested
    class Accounts extends AccountAccess {
    }

    /** Each role on each endpoint, and what grants, assignments and proposals give it, on this platform. */
    @Nested
    class Grants extends GrantAccess {
    }
}
