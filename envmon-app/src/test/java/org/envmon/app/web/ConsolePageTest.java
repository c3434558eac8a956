package org.envmon.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.envmon.app.RunningPlatform;
import org.envmon.app.console.QueueFixture;
import org.envmon.app.security.Division;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The operator console in a real browser: a city operator logs in through the form, sees only its city's review
 * queue (a stuck analyser's run as one item), invalidates the run, and the public API shows the values reviewed
 * invalid; an admin sees and creates API tokens.
 */
class ConsolePageTest {

    @Test
    void aCityOperatorReviewsItsCitysRunAndTheAdminManagesTokens(@TempDir Path dir) throws Exception {
        try (HeadlessChromium browser = HeadlessChromium.start(); RunningPlatform platform = QueueFixture.start(dir)) {
            WebDriverWait wait = browser.openConsole(platform);
            assertThat(Files.size(browser.screenshot("console-login"))).isPositive();
            // A wrong password: the form again, with a message that names no account.
            browser.driver.findElement(By.id("username")).sendKeys("op-beijing");
            browser.driver.findElement(By.id("password")).sendKeys("not the password");
            browser.driver.findElement(By.id("login-submit")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-error")));
            assertThat(browser.driver.findElement(By.id("whoami")).isDisplayed()).isFalse();

            browser.logIn(wait, "op-beijing", QueueFixture.PASSWORD);
            assertThat(browser.driver.findElement(By.id("user-name")).getText()).isEqualTo("op-beijing");
            assertThat(browser.driver.findElement(By.id("user-division")).getText()).isEqualTo("city:北京");
            WebElement table = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("queue-table")));
            List<WebElement> items = table.findElements(By.cssSelector("tr.queue-item"));
            assertThat(items).hasSize(1); // the run is one item, Shanghai's stuck station is not shown
            WebElement run = items.get(0);
            assertThat(run.getAttribute("data-site")).isEqualTo("BJ01");
            assertThat(run.getAttribute("data-code")).isEqualTo("CONSTANT");
            assertThat(run.getText()).contains("14").contains("42 × 12");
            assertThat(browser.driver.findElement(By.tagName("main")).getText()).doesNotContain("SH01");
            assertThat(Files.size(browser.screenshot("console-queue"))).isPositive();

            run.findElement(By.className("invalidate-button")).click();
            run.findElement(By.className("reason")).sendKeys("analyser stuck at 42, confirmed by the maintainer");
            run.findElement(By.className("confirm-button")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr.queue-item.state-invalidated")));
            browser.driver.findElement(By.cssSelector("tr.queue-item .history-button")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.className("history"), "op-beijing"));
            browser.screenshot("console-reviewed");

            // The public view of the station: every value of the run is now reviewed invalid.
            String values = platform.get("/api/v1/sites/BJ01/observations?parameter=a34004&from="
                    + QueueFixture.query(QueueFixture.RUN_START) + "&to="
                    + QueueFixture.query(QueueFixture.RUN_START.plusHours(QueueFixture.RUN_HOURS))).body();
            assertThat(values.split("\"review\":\"invalid\"", -1)).hasSize(QueueFixture.RUN_HOURS + 1);
            assertThat(values).doesNotContain("\"review\":\"none\"");
            assertThat(platform.get("/api/v1/sites/SH01/observations?parameter=a34004&from="
                    + QueueFixture.query(QueueFixture.RUN_START) + "&to="
                    + QueueFixture.query(QueueFixture.RUN_START.plusHours(QueueFixture.RUN_HOURS))).body())
                    .doesNotContain("\"review\":\"invalid\"");
            // Alerts: the division's only (BJ01, BJ02 above the threshold; not Shanghai's), acknowledged, closed.
            browser.driver.findElement(By.cssSelector("#tabs [data-view=alerts]")).click();
            WebElement alerts = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("alert-table")));
            assertThat(alerts.getText()).contains("BJ01").doesNotContain("SH01");
            WebElement alert = alerts.findElement(By.cssSelector("tr[data-alert]"));
            String id = alert.getAttribute("data-alert");
            alert.findElement(By.className("alert-note")).sendKeys("maintainer called");
            alert.findElement(By.className("ack-button")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("tr[data-alert='" + id
                    + "']"), "maintainer called"));
            assertThat(platform.get("/api/v1/alerts/" + id).body()).contains("\"state\":\"acknowledged\"")
                    .contains("\"ackOperator\":\"op-beijing\"");
            browser.driver.findElement(By.cssSelector("tr[data-alert='" + id + "'] .close-button")).click();
            wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("tr[data-alert='" + id
                    + "'] .close-button")));
            assertThat(platform.get("/api/v1/alerts/" + id).body()).contains("\"state\":\"closed\"");
            browser.screenshot("console-alerts");

            // Stations of the division with their rates; reports of the city.
            browser.driver.findElement(By.cssSelector("#tabs [data-view=stations]")).click();
            WebElement stations = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("station-table")));
            wait.until(d -> !stations.findElement(By.cssSelector("tr[data-site=BJ01] .capture")).getText().isEmpty());
            assertThat(stations.getText()).contains("BJ01").contains("BJ02").doesNotContain("SH01");
            // The password rotation button follows the server's offer (its OpenAPI document).
            boolean rotation = platform.get("/v3/api-docs").body().contains("\"/api/v1/sites/{code}/hj212-password\"");
            assertThat(stations.findElements(By.className("rotate-button"))).hasSize(rotation ? 2 : 0);
            browser.screenshot("console-stations");
            browser.driver.findElement(By.cssSelector("#tabs [data-view=reports]")).click();
            WebElement link = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                    "#air-links .report-link")));
            assertThat(link.getAttribute("href")).contains("/api/v1/reports/air?city=").contains("format=xlsx");

            // An operator has no tokens tab.
            assertThat(browser.driver.findElement(By.cssSelector("#tabs [data-view=tokens]")).isDisplayed()).isFalse();

            browser.driver.findElement(By.id("logout")).click();
            wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-state", "login"));
            browser.logIn(wait, "console-admin", QueueFixture.PASSWORD);
            browser.driver.findElement(By.cssSelector("#tabs [data-view=tokens]")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token-table")));
            browser.driver.findElement(By.id("token-name")).sendKeys("scraper");
            browser.driver.findElement(By.id("token-owner")).sendKeys("console-admin");
            browser.driver.findElement(By.id("token-create")).click();
            String secret = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token-secret"))).getText();
            assertThat(secret).isNotBlank();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("token-table"), "scraper"));
            assertThat(platform.getAs(secret, "/api/v1/me").body()).contains("\"name\":\"console-admin\"");
            browser.screenshot("console-tokens");
            browser.driver.findElement(By.cssSelector("#token-table .revoke-button")).click();
            wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("#token-table .revoke-button")));
            assertThat(platform.getAs(secret, "/api/v1/me").statusCode()).isEqualTo(401);

            // The English toggle relabels the console.
            browser.driver.findElement(By.id("lang-toggle")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#tabs [data-view=queue]"),
                    "Data review"));
            assertThat(browser.driver.findElement(By.id("logout")).getText()).isEqualTo("Log out");
        }
    }

    /**
     * The pieces for endpoints that come with the two-level review and station credentials: a maintainer's proposal
     * accepted in the console, a station password rotated. Skipped where the server does not offer them.
     */
    @Test
    void anOperatorDecidesAProposalAndRotatesAStationPassword(@TempDir Path dir) throws Exception {
        try (RunningPlatform platform = QueueFixture.start(dir)) {
            String docs = platform.get("/v3/api-docs").body();
            Assumptions.assumeTrue(docs.contains("\"/api/v1/review-proposals\"")
                    && docs.contains("\"/api/v1/sites/{code}/hj212-password\""),
                    "the server offers no review proposals or station password rotation");
            String maintainer = platform.tokenFor("maint-bj", "maintainer", Division.NATIONAL);
            HttpResponse<String> assigned = platform.http.send(RunningPlatform.authorized(HttpRequest.newBuilder(
                    platform.uri("/api/v1/accounts/maint-bj/sites")), platform.adminToken())
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"sites\":[\"BJ01\"]}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(200);
            HttpResponse<String> proposed = platform.postAs(maintainer, "/api/v1/sites/BJ01/review-proposals",
                    "{\"parameter\":\"a34004\",\"interval\":\"hour\",\"from\":\""
                    + QueueFixture.beijing(QueueFixture.RUN_START) + "\",\"to\":\""
                    + QueueFixture.beijing(QueueFixture.RUN_START.plusHours(QueueFixture.RUN_HOURS))
                    + "\",\"decision\":\"invalid\",\"reason\":\"analyser stuck, seen on site\"}");
            assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(201);

            try (HeadlessChromium browser = HeadlessChromium.start()) {
                WebDriverWait wait = browser.openConsole(platform);
                browser.logIn(wait, "op-beijing", QueueFixture.PASSWORD);
                WebElement proposal = wait.until(ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector("#proposal-table tr[data-proposal]")));
                assertThat(proposal.getText()).contains("BJ01").contains("maint-bj");
                proposal.findElement(By.className("proposal-note")).sendKeys("agreed");
                proposal.findElement(By.className("accept-proposal")).click();
                wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
                        "tr.queue-item.state-invalidated[data-site=BJ01]")));
                assertThat(browser.driver.findElements(By.id("proposal-table"))).isEmpty();
                browser.screenshot("console-proposal");

                browser.driver.findElement(By.cssSelector("#tabs [data-view=stations]")).click();
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                        "#station-table tr[data-site=BJ01] .rotate-button"))).click();
                wait.until(ExpectedConditions.alertIsPresent()).accept();
                String shown = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                        "#station-table tr[data-site=BJ01] .secret"))).getText();
                assertThat(shown).doesNotContain("123456").matches("(?s).*\\S{6,}.*");
            }
            assertThat(platform.get("/api/v1/sites/BJ01/observations?parameter=a34004&from="
                    + QueueFixture.query(QueueFixture.RUN_START) + "&to="
                    + QueueFixture.query(QueueFixture.RUN_START.plusHours(QueueFixture.RUN_HOURS))).body())
                    .doesNotContain("\"review\":\"none\"");
        }
    }
}
