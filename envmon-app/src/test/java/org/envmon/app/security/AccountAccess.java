package org.envmon.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.envmon.app.BrowserSession.find;
import static org.envmon.app.security.AccessContract.WEB_PASSWORD;
import static org.envmon.app.security.AccessContract.admin;
import static org.envmon.app.security.AccessContract.assertProblem;
import static org.envmon.app.security.AccessContract.maintainer;
import static org.envmon.app.security.AccessContract.opBeijing;
import static org.envmon.app.security.AccessContract.platform;
import static org.envmon.app.security.AccessContract.review;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.envmon.app.BrowserSession;
import org.envmon.app.RunningPlatform;
import org.envmon.model.ApiToken;
import org.envmon.model.Store;
import org.junit.jupiter.api.Test;

/**
 * Accounts over HTTP on the platform {@link AccessContract} started: only an admin manages tokens and reads the audit
 * trail, a token's lifecycle, an expired token, a session write and its CSRF token, every write audited, an analyst
 * through tokens only.
 */
abstract class AccountAccess {
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
        BrowserSession browser = new BrowserSession(platform);
        // a wrong password: back to the form, nothing said about the account
        HttpResponse<String> wrong = browser.logIn("web-admin", "wrong one");
        assertThat(wrong.statusCode()).isEqualTo(302);
        assertThat(wrong.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
        HttpResponse<String> unknown = browser.logIn("nobody-here", "wrong one");
        assertThat(unknown.headers().firstValue("Location")).isEqualTo(wrong.headers().firstValue("Location"));

        // login without the form's CSRF token is refused
        assertThat(browser.send(browser.form("/login", "username", "web-admin", "password", WEB_PASSWORD))
                .statusCode()).isEqualTo(403);
        HttpResponse<String> login = browser.logIn("web-admin", WEB_PASSWORD);
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElseThrow()).endsWith("/api/v1/me");
        assertThat(browser.get("/api/v1/me").body()).contains("\"name\":\"web-admin\"");

        HttpRequest.Builder write = HttpRequest.newBuilder(platform.uri("/api/v1/sites/BJ02/reviews"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        review("invalid")));
        HttpResponse<String> noToken = browser.send(write.build());
        assertProblem(noToken, 403);
        assertThat(noToken.body()).contains("CSRF");
        HttpResponse<String> withToken = browser.send(browser.withCsrf(write));
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
    void anAnalystWorksThroughTokensOnly() throws Exception {
        platform.bean(AccountService.class).addUser("partner-web", WEB_PASSWORD, "analyst",
                Division.parse("city:上海"));
        HttpResponse<String> login = new BrowserSession(platform).logIn("partner-web", WEB_PASSWORD);
        assertThat(login.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
    }
}
