package org.envmon.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.envmon.app.RunningPlatform;
import org.envmon.app.console.QueueFixture;
import org.envmon.model.Site;
import org.envmon.model.SiteStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console's station registry and recompute in a real browser: a city operator adds a site of its city, edits
 * it, and recomputes its city's derived data.
 */
class ConsoleSitesTest {

    @Test
    void aCityOperatorAddsAndEditsASiteThenRecomputesItsCity(@TempDir Path dir) throws Exception {
        try (HeadlessChromium browser = HeadlessChromium.start(); RunningPlatform platform = QueueFixture.start(dir)) {
            WebDriverWait wait = browser.consoleTab(platform, "op-beijing", QueueFixture.PASSWORD, "stations");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#site-add summary"))).click();
            type(browser, "site-code", "BJ77");
            type(browser, "site-name", "北京测试站");
            type(browser, "site-province", "北京");
            type(browser, "site-city", "北京");
            type(browser, "site-latitude", "39.95");
            type(browser, "site-longitude", "116.35");
            browser.driver.findElement(By.id("site-create")).click();
            WebElement row = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                    "#station-table tr[data-site=BJ77]")));
            assertThat(row.getText()).contains("北京测试站");

            row.findElement(By.className("edit-button")).click();
            WebElement name = wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.id("site-edit-name")));
            name.clear();
            name.sendKeys("北京测试站二");
            browser.driver.findElement(By.id("site-edit-control")).click();
            browser.screenshot("console-site-edit");
            browser.driver.findElement(By.id("site-save")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(
                    "#station-table tr[data-site=BJ77]"), "北京测试站二"));
            Site site = platform.bean(SiteStore.class).require("BJ77");
            assertThat(site.control()).isTrue();
            assertThat(site.latitude()).isEqualTo(39.95);
            assertThat(site.city()).isEqualTo("北京");

            // The reports tab recomputes the city's derived data of the last days and shows the counts.
            browser.driver.findElement(By.cssSelector("#tabs [data-view=reports]")).click();
            wait.until(ExpectedConditions.elementToBeClickable(By.id("recompute-run"))).click();
            wait.until(ExpectedConditions.textMatches(By.id("recompute-result"), java.util.regex.Pattern.compile(
                    "\\d+ \\S+, 1 \\S+")));
            browser.screenshot("console-recompute");
        }
    }

    private static void type(HeadlessChromium browser, String id, String text) {
        browser.driver.findElement(By.id(id)).sendKeys(text);
    }
}
