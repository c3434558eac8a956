package org.envmon.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.CookieManager;
import java.net.Socket;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.envmon.app.RunningPlatform;
import org.envmon.hj212.Hj212Encoder;
import org.envmon.model.ApiToken;
import org.envmon.model.Medium;
import org.envmon.model.PasswordHash;
import org.envmon.model.Site;
import org.envmon.model.SiteStore;
import org.envmon.model.Store;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Who may do what, over HTTP, per role: anonymous, admin, a Beijing operator on its own and on another city's data,
 * a maintainer; token lifecycle, CSRF on a session write, the audit trail. Runs on both engines.
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

    /** Starts the platform with a threshold alert rule, three sites (two in Beijing, one in Shanghai) and data. */
    static void start(Path dir, String... storeProperties) throws Exception {
        Path rules = dir.resolve("rules.properties");
        Files.writeString(rules, """
                defaults=false
                rule.pm-high.type=threshold
                rule.pm-high.parameter=a34004
                rule.pm-high.medium=air
                rule.pm-high.threshold=100
                """);
        List<String> props = new ArrayList<>(List.of(storeProperties));
        props.add("envmon.alerts.rules-file=" + rules);
        platform = RunningPlatform.start(props);
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

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
            platform = null;
        }
    }

    private static Site site(String code, String province, String city, String mn) {
        return new Site(code, code, Medium.AIR, mn, PasswordHash.hash("123456"), province, city, null, null, 39.9,
                116.4, false);
    }

    private static void send(String mn, double pm25) throws Exception {
        String segment = "QN=" + HOUR.format(QN) + "001;ST=22;CN=2061;PW=123456;MN=" + mn + ";Flag=5;CP=&&DataTime="
                + Hj212Encoder.formatTime(HOUR) + ";a34004-Avg=" + pm25 + ",a34004-Flag=N&&";
        try (Socket s = new Socket("127.0.0.1", platform.hj212Port)) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(Hj212Encoder.frame(segment));
            InputStream in = s.getInputStream();
            byte[] buf = new byte[512];
            int n = in.read(buf);
            assertThat(new String(buf, 0, n, StandardCharsets.US_ASCII)).contains("CN=9014");
        }
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

    @Test
    void onlyAnAdminReadsTheAuditTrailAndManagesTokens() throws Exception {
        assertProblem(platform.getAs(opBeijing, "/api/v1/audit"), 403);
        assertProblem(platform.getAs(maintainer, "/api/v1/tokens"), 403);
        assertProblem(platform.postAs(opBeijing, "/api/v1/tokens", "{\"name\":\"x\",\"owner\":\"op-bj\"}"), 403);
        assertThat(platform.getAs(opBeijing, "/actuator/prometheus").statusCode()).isEqualTo(200);
    }

    @Test
    void tokenLifecycle() throws Exception {
        HttpResponse<String> created = platform.postAs(admin, "/api/v1/tokens",
                "{\"name\":\"lifecycle\",\"owner\":\"op-bj\",\"validityDays\":30}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        Matcher m = Pattern.compile("\"secret\":\"([^\"]+)\"").matcher(created.body());
        assertThat(m.find()).isTrue();
        String secret = m.group(1);
        long id = Long.parseLong(find("\"id\":(\\d+)", created.body()));

        HttpResponse<String> me = platform.getAs(secret, "/api/v1/me");
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"name\":\"op-bj\"").contains("\"role\":\"operator\"")
                .contains("\"division\":\"city:北京\"").contains("\"token\":\"lifecycle\"");
        // the secret is shown once: never in a listing
        String list = platform.getAs(admin, "/api/v1/tokens?owner=op-bj").body();
        assertThat(list).contains("\"name\":\"lifecycle\"").doesNotContain(secret).doesNotContain("secret");

        assertProblem(platform.postAs(admin, "/api/v1/tokens", "{\"name\":\"up\",\"owner\":\"op-bj\","
                + "\"role\":\"admin\"}"), 400);

        HttpResponse<String> revoke = platform.http.send(RunningPlatform.authorized(HttpRequest.newBuilder(
                platform.uri("/api/v1/tokens/" + id)), admin).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(revoke.statusCode()).isEqualTo(204);
        assertProblem(platform.getAs(secret, "/api/v1/me"), 401);
        assertProblem(platform.getAs(secret, "/api/v1/sites"), 401);
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        Instant past = Instant.now().minusSeconds(3600);
        platform.bean(Store.class).accounts().addToken(new ApiToken(0, "expired",
                AccountService.hash("envmon_expired-secret"), "op-bj", "operator", past.minusSeconds(60), past,
                null, false));
        assertProblem(platform.getAs("envmon_expired-secret", "/api/v1/me"), 401);
    }

    @Test
    void aSessionWriteNeedsTheCsrfToken() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String loginPage = browser.send(HttpRequest.newBuilder(platform.uri("/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String csrf = find("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"", loginPage);

        // a wrong password: back to the form, nothing said about the account
        HttpResponse<String> wrong = browser.send(form("/login", "username", "web-admin", "password", "wrong one",
                "_csrf", csrf), HttpResponse.BodyHandlers.ofString());
        assertThat(wrong.statusCode()).isEqualTo(302);
        assertThat(wrong.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
        HttpResponse<String> unknown = browser.send(form("/login", "username", "nobody-here", "password",
                "wrong one", "_csrf", csrf), HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.headers().firstValue("Location")).isEqualTo(wrong.headers().firstValue("Location"));

        // login without the form's CSRF token is refused
        assertThat(browser.send(form("/login", "username", "web-admin", "password", WEB_PASSWORD),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
        HttpResponse<String> login = browser.send(form("/login", "username", "web-admin", "password", WEB_PASSWORD,
                "_csrf", csrf), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElseThrow()).endsWith("/api/v1/me");

        String me = browser.send(HttpRequest.newBuilder(platform.uri("/api/v1/me")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(me).contains("\"name\":\"web-admin\"");
        String header = find("\"csrfHeader\":\"([^\"]+)\"", me);
        String token = find("\"csrfToken\":\"([^\"]+)\"", me);

        HttpRequest.Builder write = HttpRequest.newBuilder(platform.uri("/api/v1/sites/BJ02/reviews"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        review("invalid")));
        HttpResponse<String> noToken = browser.send(write.build(), HttpResponse.BodyHandlers.ofString());
        assertProblem(noToken, 403);
        assertThat(noToken.body()).contains("CSRF");
        HttpResponse<String> withToken = browser.send(write.header(header, token).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(201);
        assertThat(withToken.body()).contains("\"operator\":\"web-admin\"");

        String audit = platform.getAs(admin, "/api/v1/audit?user=web-admin").body();
        assertThat(audit).contains("login.failure").contains("login.success")
                .contains("\"action\":\"POST /api/v1/sites/{code}/reviews\"").contains("\"outcome\":\"201\"")
                .contains("\"outcome\":\"403\"").doesNotContain(WEB_PASSWORD);
        assertThat(platform.getAs(admin, "/api/v1/audit?user=nobody-here").body()).contains("login.failure");
    }

    @Test
    void everyWriteIsAudited() throws Exception {
        platform.postAs(null, "/api/v1/chain/verify", "");
        platform.postAs(maintainer, "/api/v1/chain/verify", "");
        platform.postAs(opBeijing, "/api/v1/chain/verify", "");
        String audit = platform.getAs(admin, "/api/v1/audit?limit=10000").body();
        assertThat(audit).contains("{\"id\":");
        for (String[] expected : new String[][] {{"anonymous", "401"}, {"maint", "403"}, {"op-bj", "200"}}) {
            assertThat(audit).containsPattern("\"user\":\"" + expected[0] + "\",\"action\":\"POST "
                    + "/api/v1/chain/verify\",\"target\":\"/api/v1/chain/verify\",\"origin\":\"127\\.0\\.0\\.1\","
                    + "\"outcome\":\"" + expected[1] + "\"");
        }
        // reads are not audited
        assertThat(audit).doesNotContain("\"action\":\"GET ");
    }

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

    @Test
    void anAnalystWorksThroughTokensOnly() throws Exception {
        platform.bean(AccountService.class).addUser("partner-web", WEB_PASSWORD, "analyst",
                Division.parse("city:上海"));
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String csrf = find("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"", browser.send(HttpRequest
                .newBuilder(platform.uri("/login")).build(), HttpResponse.BodyHandlers.ofString()).body());
        HttpResponse<String> login = browser.send(form("/login", "username", "partner-web", "password",
                WEB_PASSWORD, "_csrf", csrf), HttpResponse.BodyHandlers.ofString());
        assertThat(login.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
    }

    /** Sends one hourly PM2.5 value and returns the gateway's answer. */
    private static String answerTo(String mn, String pw, LocalDateTime hour) throws Exception {
        String segment = "QN=" + hour.format(QN) + "002;ST=22;CN=2061;PW=" + pw + ";MN=" + mn + ";Flag=5;CP=&&"
                + "DataTime=" + Hj212Encoder.formatTime(hour) + ";a34004-Avg=10,a34004-Flag=N&&";
        try (Socket s = new Socket("127.0.0.1", platform.hj212Port)) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(Hj212Encoder.frame(segment));
            byte[] buf = new byte[512];
            int n = s.getInputStream().read(buf);
            return new String(buf, 0, n, StandardCharsets.US_ASCII);
        }
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

    static String find(String regex, String text) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as(regex + " in " + text).isTrue();
        return m.group(1);
    }

    static HttpRequest form(String path, String... pairs) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            if (body.length() > 0) {
                body.append('&');
            }
            body.append(pairs[i]).append('=').append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return HttpRequest.newBuilder(platform.uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
    }
}
