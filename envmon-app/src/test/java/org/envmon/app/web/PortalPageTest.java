package org.envmon.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.envmon.app.RunningPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The portal in a real browser: served by the platform, loads its scripts from the platform. */
class PortalPageTest {

    @Test
    void portalLoadsWithItsChartsLibrary(@TempDir Path dir) throws Exception {
        try (HeadlessChromium browser = HeadlessChromium.start();
             RunningPlatform platform = RunningPlatform.duckdb(dir)) {
            browser.driver.get(platform.uri("/").toString());
            browser.waitUpTo(Duration.ofSeconds(20))
                    .until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-ready", "true"));
            // the charts library loaded from the platform's WebJar, and the map drew its base layer into a canvas
            assertThat(((org.openqa.selenium.JavascriptExecutor) browser.driver)
                    .executeScript("return typeof echarts")).isEqualTo("object");
            assertThat(browser.driver.findElements(By.cssSelector("#map canvas"))).isNotEmpty();
            assertThat(Files.size(browser.screenshot("portal"))).isPositive();
        }
    }

    @Test
    void consoleShellIsServed(@TempDir Path dir) throws Exception {
        try (RunningPlatform platform = RunningPlatform.duckdb(dir)) {
            var response = platform.get("/console");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("EnvMon 控制台");
        }
    }
}
