package org.envmon.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.envmon.app.BrowserSession;
import org.envmon.app.PlatformPerClass;
import org.envmon.app.RunningPlatform;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Rate limits and login throttling over HTTP, on a platform with tiny limits: 429 problem+json with Retry-After
 * once a client's requests are used up, other clients unaffected, and service again once the bucket refills. The
 * login test runs first: the address test leaves the test client's address with an almost empty bucket.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RateLimitOnDuckDbTest {
    static final int ANONYMOUS_PER_MINUTE = 60;
    static final int TOKEN_PER_MINUTE = 120;
    static final int ANALYST_PER_MINUTE = 30;
    static final int MAX_FAILURES = 3;
    /** Requests sent at most to reach a limit (a minute's worth refills meanwhile only if the machine is slow). */
    static final int MAX_TRIES = 5_000;

    static RunningPlatform platform;
    @RegisterExtension
    static final PlatformPerClass<RunningPlatform> started = PlatformPerClass.duckdb(
            "envmon.security.rate-limit.anonymous-per-minute=" + ANONYMOUS_PER_MINUTE,
            "envmon.security.rate-limit.token-per-minute=" + TOKEN_PER_MINUTE,
            "envmon.security.rate-limit.analyst-per-minute=" + ANALYST_PER_MINUTE,
            "envmon.security.login-throttle.max-failures=" + MAX_FAILURES,
            "envmon.security.login-throttle.window=1h").then(p -> platform = p);

    /** Sends the request until it is refused, and returns the refusal. */
    static HttpResponse<String> untilRefused(String token, String path) throws Exception {
        for (int i = 0; i < MAX_TRIES; i++) {
            HttpResponse<String> r = platform.getAs(token, path);
            if (r.statusCode() == 429) {
                return r;
            }
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        }
        throw new AssertionError("no 429 after " + MAX_TRIES + " requests");
    }

    /** Waits (at most a minute, a whole bucket's refill) until the request is served again. */
    static HttpResponse<String> untilServed(String token, String path) throws Exception {
        for (int i = 0; i < 600; i++) {
            HttpResponse<String> r = platform.getAs(token, path);
            if (r.statusCode() != 429) {
                return r;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("still refused after a minute: " + path);
    }

    static void assertTooMany(HttpResponse<String> r, long maxSeconds) {
        AccessContract.assertProblem(r, 429);
        long retryAfter = Long.parseLong(r.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, maxSeconds);
    }

    @Test
    @Order(2)
    void anAddressOverItsLimitIsRefusedThenServedAgain() throws Exception {
        untilServed(null, "/api/v1/parameters");
        HttpResponse<String> refused = untilRefused(null, "/api/v1/parameters");
        assertTooMany(refused, 60);
        assertThat(refused.body()).contains("rate limit");
        // a token has its own bucket: not refused because its address is
        assertThat(platform.getAs(platform.tokenFor("reader", "maintainer", Division.NATIONAL), "/api/v1/parameters")
                .statusCode()).isEqualTo(200);
        assertThat(untilServed(null, "/api/v1/parameters").statusCode()).isEqualTo(200);
    }

    @Test
    @Order(3)
    void aTokenOverItsLimitIsRefusedAndOtherTokensAreNot() throws Exception {
        String busy = platform.tokenFor("busy", "maintainer", Division.NATIONAL);
        String other = platform.tokenFor("other", "maintainer", Division.NATIONAL);
        assertTooMany(untilRefused(busy, "/api/v1/me"), 60);
        assertThat(platform.getAs(other, "/api/v1/me").statusCode()).isEqualTo(200);
        assertThat(untilServed(busy, "/api/v1/me").statusCode()).isEqualTo(200);
    }

    @Test
    @Order(4)
    void anAnalystTokenHasItsOwnLowerLimit() throws Exception {
        String analyst = platform.tokenFor("partner", "analyst", Division.parse("city:北京"));
        int served = 0;
        while (platform.getAs(analyst, "/api/v1/me").statusCode() == 200) {
            served++;
            assertThat(served).as("an analyst is refused before the token limit").isLessThan(TOKEN_PER_MINUTE);
        }
        assertThat(served).isGreaterThanOrEqualTo(ANALYST_PER_MINUTE);
    }

    @Test
    @Order(1)
    void repeatedFailedLoginsAreThrottledAndAudited() throws Exception {
        platform.bean(AccountService.class).addUser("guarded", AccessContract.WEB_PASSWORD, "operator",
                Division.NATIONAL);
        untilServed(null, "/login");
        BrowserSession browser = new BrowserSession(platform);
        String csrf = browser.loginFormCsrf();
        for (int i = 0; i < MAX_FAILURES; i++) {
            HttpResponse<String> wrong = browser.send(login(browser, csrf, "guess " + i));
            assertThat(wrong.statusCode()).isEqualTo(302);
            assertThat(wrong.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
        }
        // even the right password is refused now: the guesser learns nothing more
        HttpResponse<String> refused = browser.send(login(browser, csrf, AccessContract.WEB_PASSWORD));
        // refused until the window (an hour here) has passed
        assertTooMany(refused, 3600);
        assertThat(refused.body()).contains("failed logins");

        String audit = platform.getAs(platform.adminToken(), "/api/v1/audit?user=guarded").body();
        assertThat(audit).contains("login.failure").contains("\"action\":\"login.throttled\"")
                .doesNotContain("login.success").doesNotContain(AccessContract.WEB_PASSWORD);
    }

    private static HttpRequest login(BrowserSession browser, String csrf, String password) {
        return browser.form("/login", "username", "guarded", "password", password, "_csrf", csrf);
    }
}
