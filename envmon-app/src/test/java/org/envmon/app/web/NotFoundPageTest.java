package org.envmon.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.envmon.app.PlatformPerClass;
import org.envmon.app.RunningPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * An address that is no page: a browser gets the portal's not-found page with 404, any other client problem+json
 * 404; the API's own 404s stay problem+json whatever the Accept header, and existing pages are untouched.
 */
class NotFoundPageTest {
    private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    static RunningPlatform platform;
    @RegisterExtension
    static final PlatformPerClass<RunningPlatform> started = PlatformPerClass.duckdb().then(p -> platform = p);

    private static HttpResponse<String> get(String path, String accept) throws Exception {
        return platform.http.send(HttpRequest.newBuilder(platform.uri(path)).header("Accept", accept).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anUnknownPageIsTheNotFoundPageForABrowserAndProblemJsonOtherwise() throws Exception {
        for (String path : new String[] {"/no-such-page", "/stations/ABC.html", "/portal/missing.html",
                "/stations.html"}) {
            HttpResponse<String> html = get(path, BROWSER_ACCEPT);
            assertThat(html.statusCode()).as(path).isEqualTo(404);
            assertThat(html.headers().firstValue("Content-Type")).hasValueSatisfying(v ->
                    assertThat(v).startsWith("text/html"));
            assertThat(html.body()).contains("data-page=\"not-found\"");

            HttpResponse<String> json = get(path, "application/json");
            assertThat(json.statusCode()).as(path).isEqualTo(404);
            assertThat(json.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(json.body()).contains("\"status\":404");
        }
    }

    @Test
    void theApiKeepsItsProblemJsonAndPagesAreServed() throws Exception {
        for (String accept : new String[] {BROWSER_ACCEPT, "application/json"}) {
            HttpResponse<String> api = get("/api/v1/sites/NOPE9", accept);
            assertThat(api.statusCode()).as(accept).isEqualTo(404);
            assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(v ->
                    assertThat(v).startsWith("application/problem+json"));
        }
        // An unlisted API path is still the security rules' business (refused), never an HTML page.
        HttpResponse<String> unlisted = get("/api/v1/no-such-thing", BROWSER_ACCEPT);
        assertThat(unlisted.statusCode()).isIn(401, 403, 404);
        assertThat(unlisted.body()).doesNotContain("<html");
        for (String page : new String[] {"/", "/station.html", "/console", "/portal/not-found.js", "/login"}) {
            assertThat(get(page, BROWSER_ACCEPT).statusCode()).as(page).isEqualTo(200);
        }
    }

    @Test
    void theBrowserShowsTheFriendlyMessage() throws Exception {
        try (HeadlessChromium browser = HeadlessChromium.start()) {
            browser.driver.get(platform.uri("/no-such-page").toString());
            browser.waitUpTo(Duration.ofSeconds(30))
                    .until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-ready", "true"));
            assertThat(browser.driver.findElement(By.id("not-found-message")).getText()).isEqualTo("没有这个页面。");
            browser.driver.findElement(By.id("lang-toggle")).click();
            assertThat(browser.driver.findElement(By.id("not-found-message")).getText())
                    .isEqualTo("There is no such page.");
        }
    }
}
